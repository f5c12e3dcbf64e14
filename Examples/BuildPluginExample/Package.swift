// swift-tools-version: 6.1
import PackageDescription

/// A package whose aggregates are generated on every build by DiscoGenBuildPlugin.
let package = Package(
    name: "BuildPluginExample",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "disco-gen", path: "../.."),
    ],
    targets: [
        .target(
            name: "WalletApp",
            dependencies: [.product(name: "Disco", package: "disco-gen")],
            plugins: [.plugin(name: "DiscoGenBuildPlugin", package: "disco-gen")]
        ),
        // The plugin on a test target generates a Swift Testing suite from the examples of the
        // specs of the targets it depends on (here WalletApp's Specs/wallet.yml), on every build.
        .testTarget(
            name: "WalletAppTests",
            dependencies: [
                "WalletApp",
                .product(name: "Disco", package: "disco-gen"),
                .product(name: "DiscoTesting", package: "disco-gen"),
            ],
            plugins: [.plugin(name: "DiscoGenBuildPlugin", package: "disco-gen")]
        ),
    ]
)
