/// Character-level clean-up applied before anything else reads the text.
public enum TextNormalizer {
    /// Full-width ASCII (！ to ～) and the ideographic space become their half-width forms;
    /// Chinese punctuation (，。：“”…) is kept as it is.
    public static func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            scalars.append(halfWidth(scalar))
        }
        return String(scalars)
    }

    /// The half-width form of a full-width letter, digit or symbol; other scalars unchanged.
    /// Full-width punctuation that Chinese text uses as its own (，：；！？（）) is kept.
    @inlinable
    public static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v == 0x3000 { return " " }
        if (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
            || v == 0xFF05 || v == 0xFF0E || v == 0xFF0B || v == 0xFF0D || v == 0xFF0F || v == 0xFF20
            || v == 0xFF03 || v == 0xFF06 || v == 0xFF1D || v == 0xFF3F {
            return Unicode.Scalar(v - 0xFEE0) ?? scalar
        }
        return scalar
    }
}
