"""tools/crosscheck-mpmath: `softmax-ref compute --batch` against an independent mpmath model.

    ieee.py                 formats and correct rounding of exact rationals (its own, on purpose)
    decide.py               the rounding of A + [v - rad, v + rad], or "undecided at this precision"
    exact.py                rationals as mpf values, rational powers of a base, ln of a rational
    structure.py            Scale (c = beta ln b) and Dist (maxima, others, masked, far tails)
    model_softmax.py        softmax (and sigmoid), log-softmax, logsumexp
    model_jacobian.py       the Jacobian
    model_cross_entropy.py  cross-entropy: loss and gradient
    model_vjp.py            softmax-vjp
    evaluator.py            Evaluator (a row's outputs at P bits), expected() (the precision loop)
    row.py                  Row: one request as exact values; row_from_request for --replay
    generator.py            seeded random rows by family and function
    pinned.py               exact and boundary cases for every format and mode
    driver.py               the command line, the batch process, the comparison and the report

The activations (--activations):

    activation_params.py    the function names, SELU's and gelu-tanh's constants, Params (defaults)
    activation_exact.py     the piecewise functions exactly, the limits at +-inf, the sign of a zero
    model_activation.py     the smooth functions in mpmath, written without cancellation
    activation_eval.py      one input's value decided in every mode (128 bits, doubling)
    activation_inputs.py    every 16-bit encoding, random f32/f64 inputs, the parameter variants
    activation_driver.py    the command line, the requests, the comparison and the report

Nothing here uses the Swift code or tools/softmaxref_tools' rounding: only its environment,
binary and batch helpers, which carry requests and answers.
"""
