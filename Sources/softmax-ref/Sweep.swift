import ArgumentParser

/// `softmax-ref sweep`: every input of a function checked against its correctly rounded value
/// (``SweepRun``), and `sweep merge` of shard reports (``SweepMergeCommand``).
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every input of a function (every f16/bf16/f32 encoding, or every pair of f16/bf16) against the reference.",
        subcommands: [SweepRun.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRun.self)
}
