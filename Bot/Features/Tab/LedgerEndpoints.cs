using System.Globalization;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.Exports;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Leads;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Tab;

/// <summary>
/// The ledgers' APIs (台账), behind <see cref="TabAuthentication.Policy"/>:
/// <list type="bullet">
/// <item><c>GET /api/tab/ledgers/{kind}</c> (talks, leads, cases, tasks, plans) with <c>unit, tier, talker, kind, month, state,
/// stage (a statistics figure), q, sort, dir, page, size</c>: a page of the lines the caller may see, the totals, the columns and the choices of each filter;
/// the talks and plans ledgers show the current month (the talks ledger with the talks still open of other months) unless
/// <c>month</c> names another or <c>all</c> (<see cref="QueryOf"/>);</item>
/// <item><c>GET /api/tab/ledgers/{kind}/export?format=xlsx|csv</c> with the same filters and sort: every line of that
/// view, as an Excel workbook (<see cref="XlsxSheet"/>) or CSV.</item>
/// </list>
/// Every page view and export is written to the audit log (SPEC §6). The leads ledger is the discipline office's alone:
/// anyone else is refused, and the refusal is audited.
/// </summary>
public sealed class LedgerEndpoints(LedgerReader reader, PeopleDirectory directory, AuditLog audit, WorkingCalendar calendar, TimeProvider time)
{
    public void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/tab/ledgers/{kind}", (HttpContext http, string kind, CancellationToken cancellationToken) => PageAsync(http, kind, cancellationToken))
            .RequireAuthorization(TabAuthentication.Policy);
        app.MapGet("/api/tab/ledgers/{kind}/export", (HttpContext http, string kind, string? format, CancellationToken cancellationToken) =>
            ExportAsync(http, kind, format, cancellationToken)).RequireAuthorization(TabAuthentication.Policy);
    }

    private async Task<IResult> PageAsync(HttpContext http, string kind, CancellationToken cancellationToken)
    {
        var (viewer, ledger, refusal) = await AdmitAsync(http, kind, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var locale = LocaleOf(http);
        var (query, months, bad) = QueryOf(http, ledger, locale);
        if (bad is not null)
        {
            return bad;
        }

        var all = await ReadAsync(ledger, viewer!, locale, query, months, cancellationToken).ConfigureAwait(false);
        var view = query.Apply(all);
        await audit.WriteAsync(viewer!, AuditAction.View, AuditObject.Ledger, Describe(ledger, http), null, cancellationToken).ConfigureAwait(false);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var cells = CellsOf(ledger);
        return Results.Ok(new
        {
            kind = ledger.ToString().ToLowerInvariant(),
            total = view.Count,
            red = view.Count(i => i.Deadline.Light == Domain.Ledgers.Light.Red),
            yellow = view.Count(i => i.Deadline.Light == Domain.Ledgers.Light.Yellow),
            page = query.Page,
            size = query.Size,
            pages = Math.Max(1, (view.Count + query.Size - 1) / query.Size),
            month = months.Shown,
            monthDefault = months.Shown is null ? null : DefaultMonthLabel(ledger, locale),
            columns = LedgerColumns.For(ledger, locale).Select(c => new { label = c.Header, type = c.Kind.ToString().ToLowerInvariant() }),
            rows = view.Skip((query.Page - 1) * query.Size).Take(query.Size).Select(i => new
            {
                id = i.Id,
                light = i.Deadline.Light.ToString().ToLowerInvariant(),
                cells = i.Cells.Select(Text),
            }),
            options = new
            {
                unit = Options(all, i => i.Facets.Units.Select(u => (u, people.UnitName(new UnitId(u)) ?? u))),
                talker = Options(all, i => i.Facets.Talkers.Select(t => (t, people.Name(new PersonId(t))))),
                kind = Options(all, i => cells.Kind is null ? [] : [(i.Facets.Kind, Cell(i, cells.Kind))]),
                tier = Options(all, i => i.Facets.Tier is { } t ? [(t, Cell(i, cells.Tier))] : []),
                month = months.Shown is null
                    ? Options(all, i => [(i.Facets.Month, i.Facets.Month)])
                    : Options(all, i => [(i.Facets.Month, i.Facets.Month)], RecentMonths().Append(months.Read ?? "").Select(m => (m, m))).Reverse(),
                state = Options(all, i => [(i.Facets.State, Cell(i, cells.State))]),
            },
        });
    }

    private async Task<IResult> ExportAsync(HttpContext http, string kind, string? format, CancellationToken cancellationToken)
    {
        var (viewer, ledger, refusal) = await AdmitAsync(http, kind, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Results.BadRequest(new { error = "format is xlsx or csv." });
        }

        var locale = LocaleOf(http);
        var (query, months, bad) = QueryOf(http, ledger, locale);
        if (bad is not null)
        {
            return bad;
        }

        var view = query.Apply(await ReadAsync(ledger, viewer!, locale, query, months, cancellationToken).ConfigureAwait(false));
        await audit.WriteAsync(viewer!, AuditAction.Export, AuditObject.Ledger, Describe(ledger, http), null, cancellationToken).ConfigureAwait(false);
        var columns = LedgerColumns.For(ledger, locale);
        var name = $"{SheetName(ledger, locale)}-{calendar.LocalDate(time.GetUtcNow()).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        return Results.Stream(async stream =>
        {
            if (csv)
            {
                await XlsxSheet.WriteCsvAsync(stream, columns, view.Select(i => i.Cells), calendar.TimeZone, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await XlsxSheet.WriteAsync(stream, SheetName(ledger, locale), columns, view.Select(i => i.Cells), calendar.TimeZone, cancellationToken).ConfigureAwait(false);
            }
        }, csv ? XlsxSheet.CsvContentType : XlsxSheet.ContentType, name + (csv ? ".csv" : ".xlsx"));
    }

    private Task<IReadOnlyList<LedgerItem>> ReadAsync(LedgerKind ledger, Person viewer, Locale locale, LedgerQuery query, MonthView months,
        CancellationToken cancellationToken) =>
        reader.ReadAsync(ledger, viewer, locale, time.GetUtcNow(), cancellationToken, query.Within, months.Read, months.Live);

    private async Task<(Person? Viewer, LedgerKind Kind, IResult? Refusal)> AdmitAsync(HttpContext http, string kind, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<LedgerKind>(kind, ignoreCase: true, out var ledger) || !Enum.IsDefined(ledger) || int.TryParse(kind, out _))
        {
            return (null, default, Results.NotFound());
        }

        if (TabAuthentication.PersonOf(http.User) is not { } id || await directory.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Active: true } viewer)
        {
            return (null, ledger, Results.Unauthorized());
        }

        // The leads (and whoever reported them) are the discipline office's (002 §五8; SPEC §6).
        if (ledger == LedgerKind.Leads && !LeadAccess.IsDisciplineOffice(viewer))
        {
            await audit.WriteAsync(viewer, AuditAction.Refused, AuditObject.Ledger, Describe(ledger, http), null, cancellationToken).ConfigureAwait(false);
            return (viewer, ledger, Results.Json(new { error = LocaleOf(http).Pick("线索台账仅限纪委办查看。", "The leads ledger is for the discipline office.") },
                statusCode: StatusCodes.Status403Forbidden));
        }

        return (viewer, ledger, null);
    }

    /// <summary>The <c>month</c> that asks for every month of a ledger whose view is of one month by default.</summary>
    public const string AllMonths = "all";

    /// <summary>How many months back from the current one a month-keyed ledger offers to pick (besides next month, and those shown).</summary>
    public const int MonthsOffered = 12;

    /// <summary>
    /// The months a view reads: <paramref name="Shown"/> is what the month filter shows (empty for the default, null for a
    /// ledger not kept by month), <paramref name="Read"/> the month whose key range the reader reads (null: every month),
    /// and <paramref name="Live"/> whether the talks of other months with a step left are read too.
    /// </summary>
    private sealed record MonthView(string? Shown, string? Read, bool Live)
    {
        public static MonthView None { get; } = new(null, null, false);
    }

    /// <summary>
    /// The view's filters, with the months it reads. The talks and plans ledgers are kept by month: a view of them reads
    /// the month asked for, every month for <see cref="AllMonths"/>, and by default the current month (the talks ledger
    /// with the talks of every other month that still have a step to take, so that nothing overdue drops out of sight).
    /// The other ledgers read everything and filter by month only when asked. A month that is not <c>yyyy-MM</c> is refused.
    /// </summary>
    private (LedgerQuery Query, MonthView Months, IResult? Refusal) QueryOf(HttpContext http, LedgerKind ledger, Locale locale)
    {
        var query = LedgerQuery.From(http.Request.Query);
        if (query.Month is { } asked && asked != AllMonths && !StatMonth.TryParse(asked, out _))
        {
            return (query, MonthView.None, Results.BadRequest(new { error = locale.Pick($"月份“{asked}”无效，应为“年-月”，如 2026-03。", $"The month \"{asked}\" is not valid: write year-month, such as 2026-03.") }));
        }

        if (ledger is not (LedgerKind.Talks or LedgerKind.Plans))
        {
            return (query.Month == AllMonths ? query with { Month = null } : query, MonthView.None, null);
        }

        var current = CurrentMonth().ToString();
        return query.Month switch
        {
            AllMonths => (query with { Month = null }, new(AllMonths, null, false), null),
            { } month => (query, new(month, month, false), null),
            // The current month is read; with the live talks of other months, the lines are not filtered by month.
            null when ledger == LedgerKind.Talks => (query, new("", current, true), null),
            null => (query with { Month = current }, new("", current, false), null),
        };
    }

    private static string? DefaultMonthLabel(LedgerKind ledger, Locale locale) => ledger switch
    {
        LedgerKind.Talks => locale.Pick("本月及未办结", "This month and all still open"),
        LedgerKind.Plans => locale.Pick("本月", "This month"),
        _ => null,
    };

    private StatMonth CurrentMonth() => StatMonth.Of(calendar.LocalDate(time.GetUtcNow()));

    /// <summary>The months a month-keyed ledger offers besides those it shows: next month, this one and the <see cref="MonthsOffered"/> − 1 before it.</summary>
    private IEnumerable<string> RecentMonths() => CurrentMonth().Next.Series(MonthsOffered + 1).Select(m => m.ToString());

    private static (int? Kind, int? Tier, int State) CellsOf(LedgerKind kind) => kind switch
    {
        LedgerKind.Plans => (null, 3, 6),
        LedgerKind.Talks => (3, 4, 6),
        LedgerKind.Leads => (2, null, 6),
        LedgerKind.Cases => (2, null, 5),
        _ => (2, null, 6),
    };

    private static string Cell(LedgerItem item, int? index) => index is { } i && item.Cells[i] is string s ? s : "";

    private static IEnumerable<object> Options(IEnumerable<LedgerItem> items, Func<LedgerItem, IEnumerable<(string Value, string Label)>> pick,
        IEnumerable<(string Value, string Label)>? more = null) =>
        items.SelectMany(pick).Concat(more ?? []).Where(o => o.Value.Length > 0).DistinctBy(o => o.Value).OrderBy(o => o.Value, StringComparer.Ordinal)
            .Select(o => new { value = o.Value, label = o.Label });

    private string? Text(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => calendar.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
    };

    private static string SheetName(LedgerKind kind, Locale locale) => kind switch
    {
        LedgerKind.Talks => locale.Pick("谈话台账", "Talks"),
        LedgerKind.Leads => locale.Pick("线索台账", "Leads"),
        LedgerKind.Cases => locale.Pick("诫勉台账", "Admonishments"),
        LedgerKind.Plans => locale.Pick("谈话方案台账", "Plans"),
        _ => locale.Pick("任务台账", "Tasks"),
    };

    // The audit line names the ledger and the view asked for (its filters), never a name searched beyond the query.
    private static string Describe(LedgerKind kind, HttpContext http) => $"{kind.ToString().ToLowerInvariant()}{http.Request.QueryString}";

    private static Locale LocaleOf(HttpContext http) => Locale.FromTag(http.Request.Query["locale"].FirstOrDefault() ?? "zh-CN");
}
