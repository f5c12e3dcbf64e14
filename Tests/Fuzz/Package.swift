// swift-tools-version: 6.1
import PackageDescription

/// The libFuzzer targets of the JSON-lines store: built and run only by `Tests/Fuzz/run.sh`,
/// which passes `-sanitize=fuzzer` and `--sanitize=address`. Each target's main hands its
/// function to libFuzzer's driver, which FuzzerDriver declares.
let package = Package(
    name: "DiscoFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "disco-gen", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "FuzzEventLine",
            dependencies: ["FuzzerDriver", .product(name: "Disco", package: "disco-gen")]
        ),
        .executableTarget(
            name: "FuzzStoreScan",
            dependencies: ["FuzzerDriver", .product(name: "Disco", package: "disco-gen")]
        ),
    ]
)
