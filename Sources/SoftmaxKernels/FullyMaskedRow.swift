/// What softmax returns for a row whose entries are all −inf (after scaling by β).
///
/// The limit of softmax does not exist there, so `.nan` (the default, the reference's "limit" policy)
/// fills the row with NaN. `.zeros` fills it with 0, as attention kernels want for fully masked rows;
/// log-softmax then gives −inf (ln 0). LogSumExp of such a row is −inf under both policies.
public enum FullyMaskedRow: Sendable, Hashable {
    case nan
    case zeros
}
