using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Cards.Exports;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;

namespace TalkBot.Bot.Features.Archive;

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
public sealed class ExportEntity : TableRow
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
public sealed class ArchiveExports(TableSet tables, ArchiveViews archives, PeopleDirectory directory, AuditLog audit, ExportOptions options, WorkingCalendar calendar, TimeProvider time)
{
    public const string Table = "Exports";
    private readonly TableClient exports = tables[Table];

    public const string Route = "/api/exports/{token}";
    private const string Row = "export";

    /// <summary>A new link for <paramref name="actor"/> to download <paramref name="subject"/>'s archive.</summary>
    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> CreateAsync(Domain.People.Person actor, PersonId subject, Locale locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + options.LinkLifetime;
        await exports.AddEntityAsync(new ExportEntity
        {
            PartitionKey = token,
            RowKey = Row,
            Requester = actor.Id.Value,
            Subject = subject.Value,
            Locale = locale.IsChinese ? "zh-CN" : "en-US",
            ExpiresAt = expires,
        }, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(actor, AuditAction.Export, AuditObject.Archive, subject.Value, subject, cancellationToken).ConfigureAwait(false);
        return (new Uri(options.BaseUrl.TrimEnd('/') + Route.Replace("{token}", token, StringComparison.Ordinal)), calendar.ToLocal(expires));
    }

    /// <summary>The CSV for a link, once: null when the link is unknown, used, lapsed, or its requester lost the role.</summary>
    public async Task<(string FileName, byte[] Content)?> DownloadAsync(string token, CancellationToken cancellationToken)
    {
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (await exports.FindAsync<ExportEntity>(token, Row, cancellationToken).ConfigureAwait(false) is not { UsedAt: null } entity || entity.ExpiresAt <= now)
        {
            return null;
        }

        entity.UsedAt = now;
        if (!await exports.TryUpdateAsync(entity, cancellationToken).ConfigureAwait(false))
        {
            return null; // used by a concurrent request
        }

        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (people.Find(new PersonId(entity.Requester)) is not { } requester || !LeadAccess.CanReadArchive(requester)
            || people.Find(new PersonId(entity.Subject)) is not { } subject)
        {
            return null;
        }

        var locale = Locale.FromTag(entity.Locale);
        var view = await archives.ViewAsync(subject, people, cancellationToken).ConfigureAwait(false);
        view = view with { Materials = await archives.MaterialsAsync(subject, view.Talks, view.Tasks, people, cancellationToken).ConfigureAwait(false) };
        await audit.WriteAsync(requester, AuditAction.Export, AuditObject.Archive, subject.Id.Value, subject.Id, cancellationToken).ConfigureAwait(false);
        var fileName = $"{locale.Pick("个人廉政档案", "integrity-archive")}-{subject.DisplayName}-{calendar.LocalDate(now):yyyy-MM-dd}.csv";
        // A byte order mark, so that spreadsheet programs read the Chinese text as UTF-8.
        return (fileName, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ArchiveCsv.Build(view, locale))]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>导出 CSV (archive.export) on the archive card: the discipline office gets a link; anyone else is refused, and that is audited.</summary>
public sealed class ExportArchive(ArchiveExports exports, PeopleDirectory directory, AuditLog audit) : ICardAction
{
    public string Verb => Verbs.ArchiveExport;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (actor, locale) = (request.Actor, request.Locale);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var subject = ArchiveViews.Find(people, request.Text(DataKeys.ArchiveOf));
        if (!LeadAccess.CanReadArchive(actor))
        {
            return await audit.RefuseAsync(actor, locale, AuditObject.Archive, subject?.Id.Value ?? "-", subject?.Id, "导出个人廉政档案", "export integrity archives",
                cancellationToken).ConfigureAwait(false);
        }

        if (subject is null)
        {
            return ErrorCard.NotFound(locale, "人员", "Person");
        }

        var (url, expires) = await exports.CreateAsync(actor, subject.Id, locale, cancellationToken).ConfigureAwait(false);
        return ExportLinkCard.Build(new ExportLinkView(subject.DisplayName, url, expires), locale);
    }
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
