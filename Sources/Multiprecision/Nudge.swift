/// Where the true value lies relative to a dyadic that stands for it.
public enum Nudge: Sendable {
    /// The value is exactly the dyadic.
    case exact
    /// The value is infinitesimally greater (an open lower end of an enclosure).
    case above
    /// The value is infinitesimally smaller (an open upper end of an enclosure).
    case below
}
