"""tools/activation-accuracy: the peers' activations against the correctly rounded reference."""
