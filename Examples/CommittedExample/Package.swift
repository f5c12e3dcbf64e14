// swift-tools-version: 6.1
import PackageDescription

/// A package whose generated aggregates are committed: `swift package
/// --allow-writing-to-package-directory generate-aggregates` writes them into
/// `Sources/WalletApp/Generated/` and the example tests into `Tests/WalletAppTests/Generated/`, and
/// `generate-aggregates --check` fails in CI when they are stale.
let package = Package(
    name: "CommittedExample",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "disco-gen", path: "../.."),
    ],
    targets: [
        .target(
            name: "WalletApp",
            dependencies: [.product(name: "Disco", package: "disco-gen")],
            // The specs and options are read by the command plugin, not compiled.
            exclude: ["Specs", "disco-gen-config.yml"]
        ),
        // generate-aggregates writes the examples of WalletApp's specs, as named by the test
        // target's disco-gen-config.yml, into Tests/WalletAppTests/Generated/.
        .testTarget(
            name: "WalletAppTests",
            dependencies: [
                "WalletApp",
                .product(name: "Disco", package: "disco-gen"),
                .product(name: "DiscoTesting", package: "disco-gen"),
            ],
            exclude: ["disco-gen-config.yml"]
        ),
    ]
)
