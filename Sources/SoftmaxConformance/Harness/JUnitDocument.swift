/// A JUnit XML report in the Ant/Surefire shape CI tools read (Jenkins' junit-10.xsd): one
/// `<testsuites>` document of suites of test cases, its counts derived from the cases so they
/// always agree. No timings, so equal runs give equal bytes.
public struct JUnitDocument: Sendable {
    /// How one test case ended.
    public enum Outcome: Sendable {
        case passed
        /// The implementation is wrong: a short message and the detail (counterexamples, replay).
        case failed(message: String, detail: String)
        /// Nothing was judged (unsupported, or every case skipped), with why.
        case skipped(String)
    }

    public struct TestCase: Sendable {
        public let name: String
        public let classname: String
        public let outcome: Outcome
        /// Text for `<system-out>` (a summary worth seeing even when the case passed), if any.
        public let output: String?

        public init(name: String, classname: String, outcome: Outcome, output: String? = nil) {
            self.name = name
            self.classname = classname
            self.outcome = outcome
            self.output = output
        }
    }

    public struct Suite: Sendable {
        public let name: String
        /// `<properties>`: the run's settings (profile, seed, ...), in order.
        public let properties: [(String, String)]
        public let cases: [TestCase]

        public init(name: String, properties: [(String, String)] = [], cases: [TestCase]) {
            self.name = name
            self.properties = properties
            self.cases = cases
        }

        var failures: Int { cases.filter { if case .failed = $0.outcome { true } else { false } }.count }
        var skipped: Int { cases.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    }

    public let name: String
    public let suites: [Suite]

    public init(name: String, suites: [Suite]) {
        self.name = name
        self.suites = suites
    }

    /// The document's text, UTF-8 with an XML declaration.
    public var xml: String {
        let tests = suites.reduce(0) { $0 + $1.cases.count }, failures = suites.reduce(0) { $0 + $1.failures }
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        out += #"<testsuites name="\#(Self.escape(name))" tests="\#(tests)" failures="\#(failures)" errors="0">"# + "\n"
        for suite in suites {
            out += #"  <testsuite name="\#(Self.escape(suite.name))" tests="\#(suite.cases.count)" failures="\#(suite.failures)" errors="0" skipped="\#(suite.skipped)">"# + "\n"
            if !suite.properties.isEmpty {
                out += "    <properties>\n"
                for (key, value) in suite.properties {
                    out += #"      <property name="\#(Self.escape(key))" value="\#(Self.escape(value))"/>"# + "\n"
                }
                out += "    </properties>\n"
            }
            for c in suite.cases {
                out += #"    <testcase classname="\#(Self.escape(c.classname))" name="\#(Self.escape(c.name))">"#
                switch c.outcome {
                case .passed: break
                case .failed(let message, let detail):
                    out += #"<failure message="\#(Self.escape(message))" type="failure">\#(Self.escape(detail))</failure>"#
                case .skipped(let why): out += #"<skipped message="\#(Self.escape(why))"/>"#
                }
                if let output = c.output { out += "<system-out>\(Self.escape(output))</system-out>" }
                out += "</testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// `s` as XML 1.0 character data or attribute text: markup characters escaped; tab, newline
    /// and carriage return as character references (so attributes keep them); characters XML 1.0
    /// forbids (other C0 controls, U+FFFE, U+FFFF) replaced by U+FFFD, since program output may hold them.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                let v = scalar.value
                out.unicodeScalars.append(v < 0x20 || v == 0xFFFE || v == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
