using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TalkBot.Bot.Storage.Tables;

/// <summary>
/// Signs each request (each retry too, as the date changes) with the Table service's SharedKeyLite scheme:
/// the signature is an HMAC-SHA256 of <c>x-ms-date + "\n" + canonicalized resource</c>, where the resource is
/// <c>/{account}{path}</c> plus <c>?comp=…</c> when present. With a path-style endpoint (Azurite) the path begins with
/// the account name again, and is signed as it stands.
/// </summary>
internal sealed class SharedKeyLitePolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        var uri = message.Request.Uri.ToUri();
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{Sign(credential, date, uri)}");
    }

    internal static string StringToSign(string accountName, string date, Uri uri)
    {
        var resource = "/" + accountName + uri.AbsolutePath;
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource += "?comp=" + comp;
        }

        return date + "\n" + resource;
    }

    internal static string Sign(TableSharedKeyCredential credential, string date, Uri uri)
    {
        using var hmac = new HMACSHA256(credential.Key);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(StringToSign(credential.AccountName, date, uri))));
    }
}

/// <summary>The parts of a storage connection string that tables need.</summary>
internal sealed record TableConnection(Uri Endpoint, TableSharedKeyCredential Credential)
{
    // Azurite's published development account: not a secret.
    internal const string DevAccount = "devstoreaccount1";
    internal const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnection Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? p.TrimEnd('/') : "http://127.0.0.1";
            return new(new Uri($"{proxy}:10002/{DevAccount}"), new TableSharedKeyCredential(DevAccount, DevKey));
        }

        if (!parts.TryGetValue("AccountName", out var account) || !parts.TryGetValue("AccountKey", out var key))
        {
            throw new FormatException("A table connection string needs AccountName and AccountKey, or UseDevelopmentStorage=true.");
        }

        Uri endpoint;
        if (parts.TryGetValue("TableEndpoint", out var tableEndpoint) && tableEndpoint.Length > 0)
        {
            endpoint = new Uri(tableEndpoint.TrimEnd('/'));
        }
        else
        {
            var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto : "https";
            var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
            endpoint = new Uri($"{protocol}://{account}.table.{suffix}");
        }

        return new(endpoint, new TableSharedKeyCredential(account, key));
    }
}
