/// The layout of a batch: `rows` rows of `columns` elements, row r starting at element r·`rowStride`.
///
/// Inputs, outputs and gradients of one call share the layout. `rowStride >= columns`; the elements
/// between rows are neither read nor written.
public struct BatchShape: Sendable, Hashable {
    public let rows: Int
    public let columns: Int
    public let rowStride: Int

    /// A batch of `rows` × `columns`; `rowStride` defaults to `columns` (contiguous rows).
    public init(rows: Int, columns: Int, rowStride: Int? = nil) {
        precondition(rows >= 0 && columns >= 0, "rows and columns must be >= 0; got \(rows) × \(columns)")
        let stride = rowStride ?? columns
        precondition(stride >= columns, "rowStride must be >= columns; got \(stride) < \(columns)")
        self.rows = rows
        self.columns = columns
        self.rowStride = stride
    }

    /// The number of elements a buffer must hold for this shape.
    public var requiredCount: Int { rows == 0 ? 0 : (rows - 1) * rowStride + columns }
}
