import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `Idempotency-Key`: the command id; a retried request with the same key records its
    /// events once.
    public static var idempotencyKey: Self { Self("Idempotency-Key")! }
    /// `X-Correlation-ID`: becomes the events' correlation id, and is sent back.
    public static var correlationID: Self { Self("X-Correlation-ID")! }
    /// `Prefer`: `respond-async` asks for 202 and the aggregate id instead of the state.
    public static var prefer: Self { Self("Prefer")! }
    /// `Preference-Applied`: `respond-async` when a command was accepted to be recorded later.
    public static var preferenceApplied: Self { Self("Preference-Applied")! }
}
