/// Takes `compute`'s logits out of the command line before argument-parser sees it.
///
/// argument-parser stores an array argument as `Any` and copies it on every element it appends,
/// so n logits cost O(n^2) (20,000 took 9 s); this scan is linear. It knows `compute`'s grammar:
/// `--` ends the options; `--name value` takes the next word as its value when `name` is one of
/// `Compute.valueOptions` (so `--beta -1` reads -1); `--name=value`, flags, unknown `--words`
/// and `-h` stay for argument-parser; every other word (including `-1`, `-inf`) is a logit.
enum LogitArguments {
    /// `options` for argument-parser and, for `compute`, the logits (nil for other commands).
    static func split(_ arguments: [String]) -> (options: [String], logits: [String]?) {
        guard arguments.first == "compute" else { return (arguments, nil) }
        var options = [arguments[0]]
        var logits: [String] = []
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" {
                logits += arguments[index...]
                break
            }
            if word.hasPrefix("--") {
                options.append(word)
                if Compute.valueOptions.contains(word) && index < arguments.count {
                    options.append(arguments[index])
                    index += 1
                }
            } else if word == "-h" {
                options.append(word)
            } else {
                logits.append(word)
            }
        }
        return (options, logits)
    }
}
