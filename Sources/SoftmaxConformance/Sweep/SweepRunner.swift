import Dispatch
import Multiprecision
import SoftmaxReference
import Synchronization

/// Runs a sweep: the shard's points in chunks, `threads` chunks at a time, each chunk's outputs
/// judged against the correctly rounded values (``SweepOracle``) in every rounding direction.
public struct SweepRunner: Sendable {
    public let settings: SweepSettings
    public let threads: Int
    /// Points per chunk (and per request to the implementation).
    public var chunkSize = 1 << 13

    public init(settings: SweepSettings, threads: Int) {
        self.settings = settings
        self.threads = max(1, threads)
    }

    /// The state before any point.
    public var initialState: SweepState { SweepState(start: settings.range.lowerBound, directions: settings.roundings.count) }

    /// Runs from `state` to the end of the shard, or for `chunks` chunks at most. After every
    /// group of chunks, `progress(state)` is called (for a bar and for checkpoints); what it throws
    /// ends the run. Throws ``SweepError`` for the sweep's own failures.
    public func run(from state: SweepState, chunks: Int? = nil,
                    progress: (SweepState) throws -> Void = { _ in }) throws -> SweepState {
        var state = state
        let end = settings.range.upperBound
        var remaining = chunks ?? Int.max
        let clock = ContinuousClock()
        while state.next < end && remaining > 0 {
            let started = clock.now
            let count = min(threads * 2, remaining)
            var ranges: [Range<UInt64>] = []
            var lower = state.next
            while ranges.count < count && lower < end {
                let upper = min(end, lower + UInt64(chunkSize))
                ranges.append(lower..<upper)
                lower = upper
            }
            let results = Mutex([Result<Chunk, SweepError>?](repeating: nil, count: ranges.count))
            let batch = ranges
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                let result = Result { () throws(SweepError) -> Chunk in try process(batch[i]) }
                results.withLock { $0[i] = result }
            }
            for result in results.withLock({ $0 }) {
                let chunk = try result!.get()
                for d in state.tallies.indices { state.tallies[d].merge(chunk.tallies[d]) }
                state.declined += UInt64(chunk.declined)
            }
            state.next = lower
            remaining -= ranges.count
            let elapsed = started.duration(to: clock.now)
            state.seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            try progress(state)
        }
        return state
    }

    /// The reports of a finished sweep, one per rounding direction, with exact errors for the worst.
    public func reports(_ state: SweepState) throws(SweepError) -> [SweepReport] {
        let oracle = SweepOracle(function: settings.function, format: settings.format)
        let range = settings.range
        return try zip(settings.roundings, state.tallies).map { (rule, tally) throws(SweepError) -> SweepReport in
            var exact: [SweepEntry] = []
            for var entry in tally.candidates {
                entry.error = try oracle.exactError(entry.output, inputs: entry.input, position: entry.position)
                exact.append(entry)
            }
            return SweepReport(identity: settings.identity(rounding: rule), shard: settings.shard, first: range.lowerBound,
                               end: range.upperBound, total: settings.domain.count, tally: tally,
                               worst: Array(exact.sorted(by: SweepEntry.worse).prefix(SweepTally.shown)),
                               monotone: settings.function.isMonotone, declined: state.declined, seconds: state.seconds)
        }
    }

    /// What one chunk adds.
    struct Chunk: Sendable {
        let tallies: [SweepTally]
        let declined: Int
    }

    /// Tallies the points of `range` (for monotonicity, the point before it is evaluated too).
    func process(_ range: Range<UInt64>) throws(SweepError) -> Chunk {
        let domain = settings.domain, function = settings.function, format = settings.format
        let arity = function.arity, outputs = function.outputsPerPoint
        let monotone = function.isMonotone && arity == 1
        let extra = monotone && domain.hasOrderedPredecessor(range.lowerBound) ? 1 : 0
        let points = domain.inputs((range.lowerBound - UInt64(extra))..<range.upperBound)
        let own = points[(extra * arity)...]
        let (expected, declined) = try SweepOracle(function: function, format: format).expected(Array(own))
        var shared: [FloatValue]?
        if !settings.subject.roundsPerDirection {
            shared = try settings.subject.outputs(points, function: function, format: format, rule: .toNearestOrEven)
        }
        let bound = settings.bound
        var tallies: [SweepTally] = []
        for rule in settings.roundings {
            let y: [FloatValue]
            if let shared { y = shared } else { y = try settings.subject.outputs(points, function: function, format: format, rule: rule) }
            var t = SweepTally()
            t.points = UInt64(range.count)
            for i in 0..<range.count {
                let index = range.lowerBound + UInt64(i)
                let input = own[(own.startIndex + i * arity)..<(own.startIndex + (i + 1) * arity)]
                for p in 0..<outputs {
                    t.record(index: index, position: p, input: input, output: y[(extra + i) * outputs + p],
                             expected: expected[i * outputs + p], rule: rule, bound: bound)
                }
                if monotone && domain.hasOrderedPredecessor(index) && (i > 0 || extra == 1) {
                    let previous = y[extra + i - 1], current = y[extra + i]
                    // In the negative half a larger encoding is a smaller value.
                    let (low, high) = index < format.signMask ? (previous, current) : (current, previous)
                    if !low.isNaN && !high.isNaN && DoubleRounding.double(low) > DoubleRounding.double(high) {
                        t.recordViolation(SweepEntry(index: index, position: 0, input: [points[extra + i - 1], points[extra + i]],
                                                     output: high, expected: low, error: 0))
                    }
                }
            }
            tallies.append(t)
        }
        return Chunk(tallies: tallies, declined: declined)
    }
}
