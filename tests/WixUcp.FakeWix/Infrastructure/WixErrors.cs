using System.Text.Json.Nodes;

namespace WixUcp.FakeWix.Infrastructure;

/// <summary>A Wix error answer: the HTTP status plus Wix's body (<c>message</c> and <c>details</c>).</summary>
internal sealed class WixException : Exception
{
    public WixException()
    {
    }

    public WixException(string message)
        : base(message)
    {
    }

    public WixException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public WixException(int status, JsonObject body)
        : base(body["message"]?.GetValue<string>())
    {
        Status = status;
        Body = body;
    }

    public int Status { get; } = 500;

    public JsonObject Body { get; } = new();
}

/// <summary>Builds error bodies the way Wix sends them.</summary>
internal static class WixErrors
{
    /// <summary><c>{"message", "details": {"applicationError": {"code", "description", "data"}}}</c>.</summary>
    public static JsonObject Application(string message, string code, JsonObject? data = null) => new()
    {
        ["message"] = message,
        ["details"] = new JsonObject
        {
            ["applicationError"] = new JsonObject
            {
                ["code"] = code,
                ["description"] = message,
                ["data"] = data ?? new JsonObject(),
            },
        },
    };

    /// <summary><c>{"message", "details": {"validationError": {"fieldViolations": [...]}}}</c>.</summary>
    public static JsonObject Validation(string field, string description) => new()
    {
        ["message"] = $"{field}: {description}",
        ["details"] = new JsonObject
        {
            ["validationError"] = new JsonObject
            {
                ["fieldViolations"] = new JsonArray(new JsonObject
                {
                    ["field"] = field,
                    ["description"] = description,
                    ["violatedRule"] = "OTHER",
                }),
            },
        },
    };

    public static WixException BadRequest(string field, string description) => new(400, Validation(field, description));

    public static WixException BadRequestCode(string code, string message, JsonObject? data = null) => new(400, Application(message, code, data));

    public static WixException Unauthorized(string code, string message) => new(401, Application(message, code));

    public static WixException Forbidden(string code, string message) => new(403, Application(message, code));

    public static WixException NotFound(string code, string message) => new(404, Application(message, code));

    public static WixException Conflict(string code, string message, JsonObject? data = null) => new(409, Application(message, code, data));

    public static WixException Precondition(string code, string message, JsonObject? data = null) => new(428, Application(message, code, data));
}
