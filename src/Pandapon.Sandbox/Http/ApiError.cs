namespace Pandapon.Sandbox.Http;

/// <summary>
/// One kind of error answer: the HTTP status, the envelope <c>code</c>, the start of <c>msg</c>, and the
/// name it is counted under in <c>/sandbox/stats</c>. The table of docs/internals.md §1, in one place.
/// </summary>
public sealed class ApiError
{
    public static readonly ApiError MissingHeader = new(0, "missingHeader", 401, 40101, "missing header");
    public static readonly ApiError UnknownAccessKey = new(1, "unknownAccessKey", 401, 40102, "unknown access-key");
    public static readonly ApiError UserIdMismatch = new(2, "userIdMismatch", 403, 40103, "user-id does not match the access-key");
    public static readonly ApiError SignatureMismatch = new(3, "signatureMismatch", 401, 40104, "signature mismatch");
    public static readonly ApiError TimestampInvalid = new(4, "timestampInvalid", 401, 40105, "timestamp expired or invalid");
    public static readonly ApiError NonceReused = new(5, "nonceReused", 401, 40106, "nonce already used");
    public static readonly ApiError InvalidRequest = new(6, "invalidRequest", 400, 40001, "invalid request");
    public static readonly ApiError RefundNotFound = new(7, "refundNotFound", 200, 40401, "refund not found");
    public static readonly ApiError NoSuchPath = new(8, "noSuchPath", 404, 40400, "no such path");
    public static readonly ApiError MethodNotAllowed = new(9, "methodNotAllowed", 405, 40500, "method not allowed");
    public static readonly ApiError OrderNotFound = new(10, "orderNotFound", 200, 40402, "order not found");

    // 1688's business refusals, relayed by PandaPon as HTTP 200 with code = the upstream number (docs/api.md, "Create a refund").
    // Each answer names its own code (see Upstream); the stats count them under one reason per endpoint.
    public static readonly ApiError RefundCreateRejected = new(11, "refundCreateRejected", 200, 5100, "其他错误");
    public static readonly ApiError ReturnShipmentRejected = new(12, "returnShipmentRejected", 200, 4002, "物流信息错误");

    // The order actions' refusals (docs/api-orders.md, "Cancel" and "Confirm receipt"): a cancel of an order that is no longer
    // unpaid is an envelope error; a receipt 1688 refuses is a success envelope with data.success=false, counted here too.
    public static readonly ApiError OrderCancelRejected = new(13, "orderCancelRejected", 200, 6001, "订单状态不允许取消(order status does not allow cancel)");
    public static readonly ApiError ReceiveGoodsRejected = new(14, "receiveGoodsRejected", 200, 200, "确认收货失败(receive goods refused)");
    // An unknown Taobao reverse order (逆向单): the sandbox's choice in the 404xx family, like 40401 for 1688 refunds.
    public static readonly ApiError TaobaoRefundNotFound = new(15, "taobaoRefundNotFound", 200, 40403, "reverse order not found");
    // --rate-limit: the key sent more than the limit allows (a refusal of the sandbox's own, apart from the injected "ratelimit" fault).
    public static readonly ApiError RateLimited = new(16, "rateLimited", 429, 42902, "rate limit exceeded");

    // Injected faults that answer with an envelope; counted under "faults", never under "refusals".
    public static readonly ApiError TooManyRequests = new(-1, "ratelimit", 429, 42901, "too many requests");
    public static readonly ApiError InternalError = new(-1, "server", 500, 50001, "internal error");

    /// <summary>Every error the sandbox answers on its own account (not the injected ones), in the order of the stats.</summary>
    public static readonly ApiError[] All =
    [
        MissingHeader, UnknownAccessKey, UserIdMismatch, SignatureMismatch, TimestampInvalid, NonceReused,
        InvalidRequest, RefundNotFound, NoSuchPath, MethodNotAllowed, OrderNotFound, RefundCreateRejected, ReturnShipmentRejected,
        OrderCancelRejected, ReceiveGoodsRejected, TaobaoRefundNotFound, RateLimited,
    ];

    private ApiError(int index, string reason, int httpStatus, int code, string message)
    {
        Index = index;
        Reason = reason;
        HttpStatus = httpStatus;
        Code = code;
        Message = message;
    }

    /// <summary>Position in <see cref="All"/>, for the stats counters.</summary>
    public int Index { get; }

    /// <summary>The key in <c>/sandbox/stats</c> → <c>refusals</c>.</summary>
    public string Reason { get; }

    public int HttpStatus { get; }
    public int Code { get; }
    public string Message { get; }

    /// <summary>This error with its detail: <c>msg</c> is "Message: detail".</summary>
    public ApiFailure With(string? detail = null) => new(this, detail is null ? Message : Message + ": " + detail);

    /// <summary>An upstream refusal of this family with its own <paramref name="code"/> and <paramref name="msg"/>.</summary>
    public ApiFailure Upstream(int code, string msg) => new(this, msg, code);
}

/// <summary>An error answer about to be sent: the kind, the full <c>msg</c>, and the code when it is not the kind's own.</summary>
public sealed record ApiFailure(ApiError Error, string Msg, int? UpstreamCode = null)
{
    /// <summary>The envelope's <c>code</c>.</summary>
    public int Code => UpstreamCode ?? Error.Code;
}
