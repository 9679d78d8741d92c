extension Double {
    /// This value rounded to `decimals` decimal places, for report text.
    func rounded(decimals: Int) -> Double {
        let p = (0..<decimals).reduce(1.0) { r, _ in r * 10 }
        return (self * p).rounded() / p
    }
}
