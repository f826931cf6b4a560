using System.Security.Cryptography;
using System.Text;
using Azure;
using TalkBot.Bot.Storage;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Storage;
using TalkBot.Cards.Exports;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Cases;

/// <summary>Archive exports (section <c>Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>
    /// The address the discipline office's browser reaches TalkBot at: the host of the messaging endpoint
    /// (https://talkbot.example.gov.cn); download links are made on it.
    /// </summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:3978";

    /// <summary>How long a download link works; it works once.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Table <c>Exports</c>: one row per download link. PartitionKey = the link's token; RowKey = <c>export</c>.</summary>
public sealed class ExportEntity : CaseRow
{
    public string Requester { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Locale { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>
/// Exports a personal archive as CSV through a download link: the link carries 256 random bits, works once, lapses
/// after <see cref="ExportOptions.LinkLifetime"/>, and is served only while its requester still holds the discipline
/// office role. Asking for the link and downloading are both written to the audit log (SPEC §6).
/// </summary>
public sealed class ArchiveExports(TalkBotTables tables, ArchiveDesk archives, CaseKit kit, ExportOptions options)
{
    public const string Route = "/api/exports/{token}";
    private const string Row = "export";

    /// <summary>A new link for <paramref name="actor"/> to download <paramref name="subject"/>'s archive.</summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> CreateAsync(Domain.People.Person actor, PersonId subject, Locale locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = kit.Now + options.LinkLifetime;
        await tables.Exports.AddEntityAsync(new ExportEntity
        {
            PartitionKey = token,
            RowKey = Row,
            Requester = actor.Id.Value,
            Subject = subject.Value,
            Locale = locale.IsChinese ? "zh-CN" : "en-US",
            ExpiresAt = expires,
        }, cancellationToken).ConfigureAwait(false);
        await kit.AuditAsync(actor, AuditAction.Export, AuditObject.Archive, subject.Value, subject, cancellationToken).ConfigureAwait(false);
        return (new Uri(options.BaseUrl.TrimEnd('/') + Route.Replace("{token}", token, StringComparison.Ordinal)), kit.Calendar.ToLocal(expires));
    }

    /// <summary>The CSV for a link, once: null when the link is unknown, used, lapsed, or its requester lost the role.</summary>
    public async Task<(string FileName, byte[] Content)?> DownloadAsync(string token, CancellationToken cancellationToken)
    {
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var found = await tables.Exports.GetEntityIfExistsAsync<ExportEntity>(token, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.UsedAt is not null || found.Value.ExpiresAt <= kit.Now)
        {
            return null;
        }

        var entity = found.Value;
        entity.UsedAt = kit.Now;
        if (!await tables.Exports.TryUpdateAsync(entity, cancellationToken).ConfigureAwait(false))
        {
            return null; // used by a concurrent request
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        if (people.Find(new PersonId(entity.Requester)) is not { } requester || !LeadAccess.CanReadArchive(requester)
            || people.Find(new PersonId(entity.Subject)) is not { } subject)
        {
            return null;
        }

        var locale = Locale.FromTag(entity.Locale);
        var view = await archives.ViewAsync(subject, people, locale, cancellationToken).ConfigureAwait(false);
        await kit.AuditAsync(requester, AuditAction.Export, AuditObject.Archive, subject.Id.Value, subject.Id, cancellationToken).ConfigureAwait(false);
        var fileName = $"{locale.Pick("个人廉政档案", "integrity-archive")}-{subject.DisplayName}-{kit.Today:yyyy-MM-dd}.csv";
        // A byte order mark, so that spreadsheet programs read the Chinese text as UTF-8.
        return (fileName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ArchiveCsv.Build(view, locale))]);
    }

    /// <summary>导出 CSV on the archive card: the discipline office gets a link; anyone else is refused, and that is audited.</summary>
    public async Task<Cards.AdaptiveCards.AdaptiveCard> ExportAsync(Handlers.CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var subject = ArchiveDesk.Find(people, request.Text(Cards.DataKeys.ArchiveOf));
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.Archive, subject?.Id.Value ?? "-", subject?.Id, "导出个人廉政档案", "export integrity archives",
                cancellationToken).ConfigureAwait(false);
        }

        if (subject is null)
        {
            return CaseKit.NotFound(locale, "人员", "Person");
        }

        var (url, expires) = await CreateAsync(actor, subject.Id, locale, cancellationToken).ConfigureAwait(false);
        return Cards.Builders.ExportLinkCard.Build(new Cards.Builders.ExportLinkView(subject.DisplayName, url, expires), locale);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public static class ArchiveExportEndpoint
{
    /// <summary>GET /api/exports/{token}: the CSV as an attachment, or 404 for a link that does not (or no longer) work.</summary>
    public static IEndpointRouteBuilder MapArchiveExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ArchiveExports.Route, async (string token, ArchiveExports exports, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return await exports.DownloadAsync(token, http.RequestAborted).ConfigureAwait(false) is { } file
                ? Results.File(file.Content, "text/csv; charset=utf-8", file.FileName)
                : Results.NotFound("This download link is unknown, used or expired. 下载链接无效、已使用或已过期。");
        });
        return app;
    }
}
