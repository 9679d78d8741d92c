// swift-tools-version: 6.1
// SoftmaxRef: a correctly rounded reference, fast kernels and a conformance suite for softmax and its family.

import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let propertyBased = Target.Dependency.product(name: "PropertyBased", package: "swift-property-based")
let linuxMath: [LinkerSetting] = [.linkedLibrary("m", .when(platforms: [.linux]))]

let package = Package(
    name: "SoftmaxRef",
    products: [
        .library(name: "Multiprecision", targets: ["Multiprecision"]),
        .library(name: "SoftmaxReference", targets: ["SoftmaxReference"]),
        .library(name: "SoftmaxKernels", targets: ["SoftmaxKernels"]),
        .library(name: "SoftmaxConformance", targets: ["SoftmaxConformance"]),
        .executable(name: "softmax-ref", targets: ["softmax-ref"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Tests only: property tests of our own arithmetic, with shrinking.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - Public API
        .target(name: "Multiprecision", dependencies: ["CGMP"]),
        .target(name: "SoftmaxReference", dependencies: ["Multiprecision"]),
        .target(name: "SoftmaxKernels", dependencies: ["CSoftmaxSIMD"], exclude: ["README.md", "ERROR-BOUNDS.md"], linkerSettings: linuxMath),
        .target(name: "SoftmaxConformance", dependencies: ["SoftmaxReference", "Multiprecision", "SoftmaxKernels"]),
        .executableTarget(
            name: "softmax-ref",
            dependencies: ["SoftmaxConformance", "SoftmaxReference", "Multiprecision", argumentParser]
        ),

        // MARK: - Implementation details
        // AVX2+FMA and AVX-512 copies of the simd kernels' hot row loops, chosen at run time.
        .target(name: "CSoftmaxSIMD", linkerSettings: linuxMath),
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),

        // MARK: - Tests
        .target(name: "_SoftmaxTestSupport", dependencies: ["Multiprecision", "SoftmaxConformance"], path: "Tests/_SoftmaxTestSupport"),
        .testTarget(name: "MultiprecisionTests", dependencies: ["Multiprecision", "_SoftmaxTestSupport", propertyBased]),
        .testTarget(name: "SoftmaxReferenceTests", dependencies: ["SoftmaxReference", "Multiprecision", "_SoftmaxTestSupport", propertyBased]),
        .testTarget(name: "SoftmaxKernelsTests", dependencies: ["SoftmaxKernels", "SoftmaxConformance", "SoftmaxReference", "Multiprecision"]),
        .testTarget(name: "SoftmaxConformanceTests", dependencies: ["SoftmaxConformance", "SoftmaxReference", "Multiprecision", "_SoftmaxTestSupport"]),
        .testTarget(name: "SoftmaxRefCLITests", dependencies: ["softmax-ref", "SoftmaxConformance", "_SoftmaxTestSupport"], exclude: ["Programs", "Schemas"]),
    ]
)
