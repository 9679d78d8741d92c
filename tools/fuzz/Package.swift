// swift-tools-version: 6.1
// libFuzzer targets for softmax-ref's parsers, kept out of the main package build.
// Build and run with ./run (it adds -sanitize=fuzzer,address and -enable-testing;
// FuzzProtocolAnswer reads the internal ProtocolAnswer).

import PackageDescription

let conformance = Target.Dependency.product(name: "SoftmaxConformance", package: "SoftmaxRef")
let multiprecision = Target.Dependency.product(name: "Multiprecision", package: "SoftmaxRef")

let package = Package(
    name: "SoftmaxRefFuzz",
    dependencies: [.package(name: "SoftmaxRef", path: "../..")],
    targets: [
        // Each target's main.swift hands its test function to libFuzzer through FuzzDriver.
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzNumberLiteral", dependencies: ["FuzzDriver", multiprecision]),
        .executableTarget(name: "FuzzBatchRequest", dependencies: ["FuzzDriver", conformance]),
        .executableTarget(name: "FuzzProtocolAnswer", dependencies: ["FuzzDriver", conformance, multiprecision]),
        .executableTarget(name: "FuzzFixtureReader", dependencies: ["FuzzDriver", conformance]),
    ]
)
