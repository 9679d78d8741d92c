import Foundation
import SoftmaxReference

/// Writes and checks the fixture files of a directory.
///
/// Generation computes every document before writing any, and writes each file through
/// `OutputFile` (atomically for a regular file), so a failure leaves each old file whole.
public enum FixtureFiles {
    /// One file that differs from what the current code writes, and the cases that differ in it.
    public struct Difference: Sendable, CustomStringConvertible {
        public let file: String
        public let cases: [String]
        public let reason: String
        public var description: String {
            cases.isEmpty ? "\(file): \(reason)" : "\(file): \(reason): \(cases.joined(separator: ", "))"
        }
    }

    /// The functions with a fixture file: all of them, the activations included.
    public static let functions = HarnessFunction.allCases

    public static func generatedFiles(_ families: [HarnessFunction] = FixtureFiles.functions) throws -> [(name: String, contents: String)] {
        try families.map { function in
            (FixtureGenerator.fileName(function), try FixtureGenerator.document(for: function).prettySerialized)
        }
    }

    /// Rewrites every fixture file in `directory` (created if missing); returns the names written.
    /// A file that cannot be written throws a `FileError` naming it and the system's reason.
    @discardableResult
    public static func generate(in directory: URL, families: [HarnessFunction] = FixtureFiles.functions) throws -> [String] {
        try OutputFile.createDirectory(directory.path)
        let files = try generatedFiles(families)
        for file in files {
            try OutputFile.write(file.contents, to: directory.appendingPathComponent(file.name).path)
        }
        return files.map(\.name)
    }

    /// Every file (and case) in `directory` that differs from what `generate` would write.
    public static func check(in directory: URL, families: [HarnessFunction] = FixtureFiles.functions) throws -> [Difference] {
        var differences: [Difference] = []
        for file in try generatedFiles(families) {
            let url = directory.appendingPathComponent(file.name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                differences.append(Difference(file: file.name, cases: [], reason: "missing"))
                continue
            }
            let existing = String(decoding: data, as: UTF8.self)
            if existing == file.contents { continue }
            differences.append(Difference(file: file.name, cases: differingCases(existing, file.contents),
                                          reason: "differs from what the current code generates"))
        }
        return differences
    }

    /// The ids of cases whose content differs, is missing, or is unexpected.
    static func differingCases(_ existing: String, _ expected: String) -> [String] {
        func cases(_ text: String) -> [String: String]? {
            guard case .array(let items)? = (try? JSONParser.parse(text))?["cases"] else { return nil }
            var byId: [String: String] = [:]
            for item in items { if case .string(let id)? = item["id"] { byId[id] = item.serialized } }
            return byId
        }
        guard let old = cases(existing), let new = cases(expected) else { return ["(the file is not valid fixture JSON)"] }
        var ids = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
        if ids.isEmpty { ids = ["(formatting only)"] }
        return ids
    }
}
