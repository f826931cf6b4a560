using System.Security.Claims;
using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// <c>GET /api/tab/statistics?month=yyyy-MM&amp;unit=&amp;tier=&amp;talker=&amp;kind=</c>: the month's figures for the signed-in
/// person, within what Domain lets them see (<see cref="StatisticsAccess"/>), each with the ledger rows behind it; the
/// completion per unit below and per talker; and the series of the twelve months up to it. Every view, and every refusal,
/// is written to the audit log (SPEC §6).
/// </summary>
public sealed class StatisticsApi(StatisticsQuery query, PeopleDirectory directory, AuditLog audit, WorkingCalendar calendar, TimeProvider time)
{
    public const string Route = "/api/tab/statistics";

    /// <summary>The tab's sign-in policy and the claim carrying the signed-in person's id.</summary>
    public const string Policy = "Tab";
    public const string PersonClaim = "talkbot:person";

    /// <summary>What a request asked for, once checked: the filter and the viewer's scope; or the problem (400) or refusal (403).</summary>
    public sealed record Checked(Person Viewer, StatFilter Filter, StatisticsScope Scope, UnitTree Tree, PeopleLookup People);

    public async Task<IResult> GetAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (checkedRequest, problem) = await CheckAsync(http, cancellationToken).ConfigureAwait(false);
        if (checkedRequest is null)
        {
            return problem!;
        }

        var result = await query.ReadAsync(checkedRequest.Filter, checkedRequest.Tree, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(checkedRequest.Viewer, AuditAction.View, AuditObject.Statistics, Describe(checkedRequest.Filter), null, cancellationToken).ConfigureAwait(false);
        return Results.Json(StatisticsJson.Of(result, checkedRequest));
    }

    /// <summary>Reads and checks the request: the person signed in, the filters well formed, and within what they may see.</summary>
    public async Task<(Checked? Request, IResult? Problem)> CheckAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var people = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (http.User.FindFirstValue(PersonClaim) is not { Length: > 0 } id || people.Find(new PersonId(id)) is not { Active: true } viewer)
        {
            return (null, Results.Json(Message("您不在通讯录中，无法查看统计。", "You are not in the directory, so no statistics can be shown."), statusCode: StatusCodes.Status403Forbidden));
        }

        var q = http.Request.Query;
        var problems = new List<object>();
        var month = StatMonth.Of(calendar.LocalDate(time.GetUtcNow()));
        if (q["month"] is { Count: > 0 } m && !string.IsNullOrEmpty(m) && !StatMonth.TryParse(m, out month))
        {
            problems.Add(Message($"月份“{m}”无效，请按 yyyy-MM 填写，如 2026-03。", $"The month \"{m}\" is not valid: write it as yyyy-MM, such as 2026-03."));
        }

        var tree = UnitTrees.Of(people);
        UnitId? unit = null;
        if (Text(q["unit"]) is { } u)
        {
            unit = new UnitId(u);
            if (tree.Find(unit.Value) is null)
            {
                problems.Add(Message($"没有编号为“{u}”的单位。", $"There is no unit \"{u}\"."));
            }
        }

        Tier? tier = null;
        if (Text(q["tier"]) is { } t)
        {
            if (int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((Tier)n))
            {
                tier = (Tier)n;
            }
            else
            {
                problems.Add(Message($"层级“{t}”无效，应为 1 至 4（000 §二）。", $"The tier \"{t}\" is not valid: it is 1 to 4 (000 §二)."));
            }
        }

        TalkKind? kind = null;
        if (Text(q["kind"]) is { } k)
        {
            if (Enum.TryParse<TalkKind>(k, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                kind = parsed;
            }
            else
            {
                problems.Add(Message($"谈话类型“{k}”无效，应为 Routine、Reminder 或 Admonishment。", $"The kind \"{k}\" is not valid: Routine, Reminder or Admonishment."));
            }
        }

        PersonId? talker = Text(q["talker"]) is { } p ? new PersonId(p) : null;
        if (talker is { } asked && people.Find(asked) is null)
        {
            problems.Add(Message("所选谈话人不在通讯录中。", "The talker chosen is not in the directory."));
        }

        if (problems.Count > 0)
        {
            return (null, Results.Json(new { problems }, statusCode: StatusCodes.Status400BadRequest));
        }

        var scope = StatisticsAccess.For(viewer, tree);
        var filter = scope.Talker is { } own
            ? new StatFilter(month, unit, tier, own, kind)
            : new StatFilter(month, unit ?? scope.Unit, tier, talker, kind);
        if (!scope.Allows(filter.Unit, tree) || (scope.Talker is { } self && talker is { } other && other != self))
        {
            await audit.WriteAsync(viewer, AuditAction.Refused, AuditObject.Statistics, Describe(filter), null, cancellationToken).ConfigureAwait(false);
            return (null, Results.Json(Message("您无权查看这些统计：纪检监察机关查看本级及下级单位，单位领导查看本单位及下级单位，谈话人查看本人主谈的谈话（SPEC §6）。",
                "You may not see these figures: an office sees its unit and those below, a unit's leadership its unit and those below, a talker the talks they lead (SPEC §6)."),
                statusCode: StatusCodes.Status403Forbidden));
        }

        return (new Checked(viewer, filter, scope, tree, people), null);
    }

    /// <summary>The filter as the audit log's object id.</summary>
    public static string Describe(StatFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return $"{filter.Month}|{filter.Unit?.Value ?? "-"}|{(int?)filter.Tier ?? 0}|{filter.Talker?.Value ?? "-"}|{filter.Kind?.ToString() ?? "-"}";
    }

    private static object Message(string zh, string en) => new Dictionary<string, string> { ["zh-CN"] = zh, ["en-US"] = en };

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
}

public static class StatisticsEndpoints
{
    /// <summary>Maps the statistics API of the tab and its export; signing in is the tab's (policy <see cref="StatisticsApi.Policy"/>).</summary>
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet(StatisticsApi.Route, (HttpContext http, StatisticsApi api, CancellationToken cancellationToken) => api.GetAsync(http, cancellationToken))
            .RequireAuthorization(StatisticsApi.Policy);
        app.MapGet(StatisticsExport.Route, (HttpContext http, StatisticsExport export, CancellationToken cancellationToken) => export.GetAsync(http, cancellationToken))
            .RequireAuthorization(StatisticsApi.Policy);
        return app;
    }
}
