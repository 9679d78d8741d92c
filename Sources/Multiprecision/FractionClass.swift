/// The part of a magnitude below the rounding position, in units of that position.
enum FractionClass {
    case zero, belowHalf, half, aboveHalf
}
