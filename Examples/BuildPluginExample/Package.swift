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
        .testTarget(
            name: "WalletAppTests",
            dependencies: ["WalletApp", .product(name: "Disco", package: "disco-gen")]
        ),
    ]
)
