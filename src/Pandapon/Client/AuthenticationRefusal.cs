using System;
using Pandapon.Api;

namespace Pandapon.Api
{
    /// <summary>Which part of a request's authentication the server refused, as far as its answer says.</summary>
    public enum AuthenticationPart
    {
        /// <summary>Not an authentication refusal, or one that does not say which part.</summary>
        Unknown,
        AccessKey,
        UserId,
        Signature,
        Timestamp,
        Nonce,
        /// <summary>A system header was missing.</summary>
        Header,
    }
}

namespace Pandapon.Client
{
    /// <summary>
    /// Judges whether a failed answer is an authentication refusal (docs/api.md, "Authentication refusals"). PandaPon
    /// publishes no error codes, so three signs count, strongest first: a code in the 401xx/403xx families (the
    /// sandbox's, and the HTTP statuses' namesakes); HTTP 401 or 403; a <c>msg</c> whose wording, in Chinese or
    /// English, names the signature, the access key, the user id, the timestamp or the nonce as the problem. A
    /// success (code 200) is never a refusal. Business errors of an endpoint (1688's 4xxx/5xxx) are not matched by
    /// wording, so a refund refused "because the timestamp of the order is past" is not taken for one.
    /// </summary>
    public static class AuthenticationRefusal
    {
        public static bool IsRefusal(int? code, int httpStatus, string? msg, out AuthenticationPart part)
        {
            part = AuthenticationPart.Unknown;
            if (code == 200 && httpStatus >= 200 && httpStatus < 300) return false;
            if (code is int c && (c / 100 == 401 || c / 100 == 403))
            {
                part = PartForCode(c) ?? PartForWording(msg) ?? AuthenticationPart.Unknown;
                return true;
            }
            if (httpStatus == 401 || httpStatus == 403)
            {
                part = PartForWording(msg) ?? (httpStatus == 403 ? AuthenticationPart.UserId : AuthenticationPart.Unknown);
                return true;
            }
            // 1688's own business codes (4002-4007, 5001-5100) carry 1688's text: never judged by wording.
            if (code is int business && business >= 1000 && business < 10000) return false;
            AuthenticationPart? worded = PartForWording(msg);
            if (worded == null) return false;
            part = worded.Value;
            return true;
        }

        private static AuthenticationPart? PartForCode(int code)
        {
            switch (code)
            {
                case 40101: return AuthenticationPart.Header;
                case 40102: return AuthenticationPart.AccessKey;
                case 40103: return AuthenticationPart.UserId;
                case 40104: return AuthenticationPart.Signature;
                case 40105: return AuthenticationPart.Timestamp;
                case 40106: return AuthenticationPart.Nonce;
                default: return null;
            }
        }

        // Wording, lower-cased; the first group that matches names the part. Each phrase says a credential was refused,
        // not merely mentioned: "signature mismatch", "签名错误", "invalid access key", "时间戳已过期", ...
        private static readonly (AuthenticationPart Part, string[] Phrases)[] Wording =
        {
            (AuthenticationPart.Signature, new[] { "signature mismatch", "signature error", "invalid signature", "signature invalid", "sign error",
                "sign invalid", "invalid sign", "signature verification", "签名错误", "签名不正确", "签名无效", "签名校验失败", "签名验证失败", "验签失败", "签名不匹配" }),
            (AuthenticationPart.AccessKey, new[] { "unknown access-key", "unknown access key", "invalid access-key", "invalid access key", "invalid accesskey",
                "access-key not found", "access key not found", "accesskey not found", "accesskey不存在", "access-key不存在", "accesskey无效", "密钥无效", "密钥错误" }),
            (AuthenticationPart.UserId, new[] { "user-id does not match", "user id does not match", "invalid user-id", "invalid user id", "user-id不匹配",
                "用户id不匹配", "用户不匹配", "user-id无效", "用户id无效" }),
            (AuthenticationPart.Timestamp, new[] { "timestamp expired", "timestamp invalid", "invalid timestamp", "expired timestamp", "request expired",
                "时间戳已过期", "时间戳无效", "时间戳错误", "时间戳过期", "请求已过期", "请求过期" }),
            (AuthenticationPart.Nonce, new[] { "nonce already used", "nonce used", "invalid nonce", "duplicate nonce", "nonce重复", "随机字符串重复",
                "重复请求", "重放" }),
            (AuthenticationPart.Unknown, new[] { "unauthorized", "unauthorised", "authentication failed", "forbidden", "鉴权失败", "认证失败", "未授权", "无权访问", "没有权限" }),
        };

        private static AuthenticationPart? PartForWording(string? msg)
        {
            if (string.IsNullOrWhiteSpace(msg)) return null;
            string text = msg!.ToLowerInvariant();
            foreach (var (part, phrases) in Wording)
                foreach (string phrase in phrases)
                    if (text.IndexOf(phrase, StringComparison.Ordinal) >= 0) return part;
            return null;
        }
    }
}
