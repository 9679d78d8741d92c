import ArgumentParser
import Foundation
import SoftmaxConformance

/// `--checkpoint FILE`: a sweep's state, written atomically (``OutputFile``) and read back to resume.
enum SweepCheckpointFile {
    static func read(_ path: String, settings: SweepSettings) throws -> SweepState {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read checkpoint '\(path)'")
        }
        do { return try SweepState(json: try JSONParser.parse(text), settings: settings) } catch {
            throw ValidationError("checkpoint '\(path)': \(error)")
        }
    }

    static func write(_ state: SweepState, settings: SweepSettings, to path: String) throws(FileError) {
        try OutputFile.write(state.json(settings).serialized + "\n", to: path)
    }
}
