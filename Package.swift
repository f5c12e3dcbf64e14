// swift-tools-version: 6.1
// The swift-tools-version declares the minimum version of Swift required to build this package.

import PackageDescription

let package = Package(
    name: "disco-gen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "disco-gen", targets: ["disco-gen"]),
        .executable(name: "disco", targets: ["disco-cli"]),
        .library(name: "Disco", targets: ["Disco"]),
        .library(name: "DiscoTesting", targets: ["DiscoTesting"]),
        .library(name: "DiscoGenCore", targets: ["DiscoGenCore"]),
        .library(name: "DiscoPostgres", targets: ["DiscoPostgres"]),
        .library(name: "DiscoHTTP", targets: ["DiscoHTTP"]),
        .executable(name: "wallet-server", targets: ["wallet-server"]),
        .plugin(name: "DiscoGenBuildPlugin", targets: ["DiscoGenBuildPlugin"]),
        .plugin(name: "DiscoGenCommandPlugin", targets: ["DiscoGenCommandPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.9.0"..<"6.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // MARK: Runtime

        .target(
            name: "Disco",
            dependencies: [
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "DiscoTesting",
            dependencies: ["Disco"]
        ),
        /// The PostgreSQL event store adapter: a separate product, so that users of the
        /// JSON-lines store alone do not build postgres-nio.
        .target(
            name: "DiscoPostgres",
            dependencies: [
                "Disco",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// The orchestrator over HTTP (Hummingbird), with a web console: a separate product, so
        /// that users of the core alone do not build Hummingbird (Docs/HTTP.md).
        .target(
            name: "DiscoHTTP",
            dependencies: [
                "Disco",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// `disco-bench-postgres`: the PostgreSQL store's benchmark figures beside the JSON-lines store's.
        .executableTarget(
            name: "disco-bench-postgres",
            dependencies: [
                "Disco",
                "DiscoPostgres",
                "DiscoExamples",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Benchmarks/disco-bench-postgres"
        ),
        /// The PostgreSQL two-process test's workload: deposits into wallets from a second process.
        .executableTarget(
            name: "wallet-load",
            dependencies: [
                "Disco",
                "DiscoPostgres",
                "DiscoExamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Support/wallet-load"
        ),

        // MARK: Generator

        .target(
            name: "DiscoGenCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "disco-gen",
            dependencies: [
                "DiscoGenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Plugins (Docs/Plugins.md)

        /// Regenerates `<Name>.generated.swift` from the target's `Specs/*.yml` on every build.
        .plugin(
            name: "DiscoGenBuildPlugin",
            capability: .buildTool(),
            dependencies: ["disco-gen"]
        ),
        /// `swift package generate-aggregates [--check]`: writes the generated files into the target, for committing.
        .plugin(
            name: "DiscoGenCommandPlugin",
            capability: .command(
                intent: .custom(
                    verb: "generate-aggregates",
                    description: "Generate Swift aggregates from the specs in each target's Specs/ folder into its Generated/ folder."
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "To write the generated Swift files into the target's Generated/ folder.")
                ]
            ),
            dependencies: ["disco-gen"]
        ),

        // MARK: Examples

        /// The aggregates generated from `Specs/`, committed as the command plugin would.
        .target(
            name: "DiscoExamples",
            dependencies: ["Disco"]
        ),
        .executableTarget(
            name: "wallet-demo",
            dependencies: [
                "Disco",
                "DiscoExamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        /// `wallet-server`: the wallet spec over HTTP on 127.0.0.1, with the console on request.
        .executableTarget(
            name: "wallet-server",
            dependencies: [
                "Disco",
                "DiscoHTTP",
                "DiscoExamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Docs/openapi/wallet.json, written here too by `disco-gen openapi` (checked in CI).
            resources: [.copy("Resources/openapi.json")]
        ),

        // MARK: The disco tool (Docs/Tool.md)

        /// `disco`: look into and operate any event store. Not named `disco` as a target, so that
        /// its module does not clash with `Disco` on case-insensitive file systems.
        .executableTarget(
            name: "disco-cli",
            dependencies: [
                "Disco",
                "DiscoPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: JSON-lines store tools

        /// Appends to a JSON-lines store until it is killed: the writer of the crash test.
        .executableTarget(
            name: "disco-crash-writer",
            dependencies: ["Disco"],
            path: "Tests/Support/disco-crash-writer"
        ),
        /// `swift run -c release disco-bench`: store and dispatch figures against baselines measured in the same run.
        .executableTarget(
            name: "disco-bench",
            dependencies: ["Disco", "DiscoExamples"],
            path: "Benchmarks/disco-bench"
        ),

        // MARK: Tests

        .testTarget(
            name: "DiscoTests",
            dependencies: ["Disco", "DiscoTesting", "disco-crash-writer"]
        ),
        .testTarget(
            name: "DiscoGenCoreTests",
            dependencies: [
                "DiscoGenCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DiscoGenReferenceTests",
            dependencies: ["DiscoGenCore"],
            exclude: ["Specs"]
        ),
        .testTarget(
            name: "DiscoExamplesTests",
            dependencies: ["Disco", "DiscoTesting", "DiscoExamples"]
        ),
        .testTarget(
            name: "DiscoPostgresTests",
            dependencies: [
                "Disco", "DiscoTesting", "DiscoPostgres", "DiscoExamples", "wallet-load",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        /// `disco` run as a built executable, on JSON-lines and PostgreSQL stores.
        .testTarget(
            name: "DiscoToolTests",
            dependencies: [
                "Disco", "DiscoPostgres", "disco-cli",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "DiscoGenCLITests",
            dependencies: ["disco-gen"]
        ),
        /// Every route and status of DiscoHTTP, through Hummingbird's testing library.
        .testTarget(
            name: "DiscoHTTPTests",
            dependencies: [
                "Disco", "DiscoHTTP", "DiscoExamples", "DiscoTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        /// The orchestrator under load: concurrency, caching, idempotency, middleware, consumers.
        .testTarget(
            name: "DiscoOrchestratorTests",
            dependencies: [
                "Disco", "DiscoTesting", "DiscoExamples",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
    ]
)
