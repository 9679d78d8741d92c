// swift-tools-version: 6.1
// Benchmarks of the SoftmaxKernels module (ordo-one/benchmark), kept out of the root package.
// Run: cd Benchmarks && swift package benchmark
// The simd kernel picks its AVX2 or AVX-512 loops at run time: no build flags are needed.

import PackageDescription

let package = Package(
    name: "SoftmaxRefBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "SoftmaxRef", path: ".."),
        // MallocInterposer only: it drops the default RuntimeInterposer trait (not needed here).
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SoftmaxKernels", package: "SoftmaxRef"),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
