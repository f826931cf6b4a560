using TalkBot.Bot.Infrastructure.Audit;
using TalkBot.Bot.Infrastructure.Exports;
using TalkBot.Domain.Audit;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Statistics;

namespace TalkBot.Bot.Features.Statistics;

/// <summary>
/// <c>GET /api/tab/statistics/export?format=xlsx|csv&amp;locale=</c> with the filters of <see cref="StatisticsApi"/>: the
/// same view as the page, every figure of it in one sheet (issue 15 §4) — the filters, each figure of the sections the
/// viewer may see, the rates, the completion per unit below, per talker (all of them, not the page's first hundred) and
/// month over month. Headers in the reader's language (zh-CN unless asked), the header row frozen. Checked and refused
/// as the page is (<see cref="StatisticsAccess"/>); every export is written to the audit log (SPEC §6).
/// </summary>
public sealed class StatisticsExport(StatisticsApi api, StatisticsQuery query, AuditLog audit, WorkingCalendar calendar)
{
    public const string Route = StatisticsApi.Route + "/export";

    public async Task<IResult> GetAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var format = http.Request.Query["format"].FirstOrDefault();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.IsNullOrEmpty(format) && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Json(new { problems = new[] { new Dictionary<string, string>
            {
                ["zh-CN"] = $"导出格式“{format}”无效，应为 xlsx 或 csv。", ["en-US"] = $"The format \"{format}\" is not valid: xlsx or csv.",
            } } }, statusCode: StatusCodes.Status400BadRequest);
        }

        var (request, problem) = await api.CheckAsync(http, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return problem!;
        }

        var result = await query.ReadAsync(request.Filter, request.Tree, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(request.Viewer, AuditAction.Export, AuditObject.Statistics, StatisticsApi.Describe(request.Filter), null, cancellationToken)
            .ConfigureAwait(false);
        var locale = Locale.FromTag(http.Request.Query["locale"].FirstOrDefault() ?? "zh-CN");
        var sheet = locale.Pick("统计", "Statistics");
        var columns = StatisticsSheet.Columns(locale);
        var rows = StatisticsSheet.Rows(result, request, locale);
        var name = $"{sheet}-{result.Filter.Month}";
        return Results.Stream(stream => csv
                ? XlsxSheet.WriteCsvAsync(stream, columns, rows, calendar.TimeZone, cancellationToken)
                : XlsxSheet.WriteAsync(stream, sheet, columns, rows, calendar.TimeZone, cancellationToken),
            csv ? XlsxSheet.CsvContentType : XlsxSheet.ContentType, name + (csv ? ".csv" : ".xlsx"));
    }
}

/// <summary>
/// The statistics view as rows of one sheet: <c>部分 | 项目 | 数值 | 计划人次 | 安排人次 | 完成人次 | 完成率（%）</c>. A figure fills
/// 数值; a line of completion (a unit, a talker, a month) fills the last four. Counts are numbers, rates percentages
/// to one decimal; a rate with nothing scheduled is left empty, as the page shows "无".
/// </summary>
public static class StatisticsSheet
{
    public static IReadOnlyList<SheetColumn> Columns(Locale locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        return
        [
            new(locale.Pick("部分", "Section"), SheetCellKind.Text, 18),
            new(locale.Pick("项目", "Item"), SheetCellKind.Text, 30),
            new(locale.Pick("数值", "Value"), SheetCellKind.Number, 12),
            new(locale.Pick("计划人次", "Planned"), SheetCellKind.Number, 10),
            new(locale.Pick("安排人次", "Scheduled"), SheetCellKind.Number, 10),
            new(locale.Pick("完成人次", "Completed"), SheetCellKind.Number, 10),
            new(locale.Pick("完成率（%）", "Completion (%)"), SheetCellKind.Number, 12),
        ];
    }

    public static IEnumerable<IReadOnlyList<object?>> Rows(StatResult result, StatisticsApi.Checked request, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(locale);
        var filter = result.Filter;
        var people = request.People;
        var all = locale.Pick("全部", "All");
        var filters = locale.Pick("筛选条件", "Filters");
        yield return [filters, locale.Pick("月份", "Month"), filter.Month.ToString()];
        yield return [filters, locale.Pick("单位", "Unit"), filter.Unit is { } u ? StatisticsJson.UnitName(people, u.Value, locale) : all];
        yield return [filters, locale.Pick("层级", "Tier"), filter.Tier is { } t ? StatisticsCatalogue.TierLabel(t, locale) : all];
        yield return [filters, locale.Pick("谈话人", "Talker"), filter.Talker is { } p ? people.Name(p) : all];
        yield return [filters, locale.Pick("谈话类型", "Kind of talk"), filter.Kind is { } k ? Labels.Of(k, locale) : all];

        foreach (var figure in StatisticsJson.Shown(request.Scope))
        {
            yield return [StatisticsCatalogue.SectionLabel(figure.Section, locale), figure.Label(locale), result.Figures[figure.Key]];
        }

        var rates = locale.Pick("比率", "Rates");
        yield return [rates, locale.Pick("完成率（%）", "Completion (%)"), Percent(result.Figures.CompletionRate)];
        yield return [rates, locale.Pick("测试平均分", "Average quiz score"), result.Figures.AverageScore is { } score ? Math.Round(score, 1, MidpointRounding.AwayFromZero) : null];

        var byUnit = locale.Pick("各单位完成率", "Completion by unit");
        foreach (var line in result.Units)
        {
            yield return Line(byUnit, StatisticsJson.UnitName(people, line.Id, locale), line.Figures);
        }

        var byTalker = locale.Pick("各谈话人完成率", "Completion by talker");
        foreach (var line in StatisticsJson.Ordered(result.Talkers, people))
        {
            yield return Line(byTalker, people.Name(new PersonId(line.Id)), line.Figures);
        }

        var series = locale.Pick("逐月完成率", "Completion month by month");
        foreach (var point in result.Series)
        {
            yield return Line(series, point.Month.ToString(), point.Figures);
        }
    }

    private static object?[] Line(string section, string name, MonthFigures figures) =>
        [section, name, null, figures[Figures.Planned], figures[Figures.Scheduled], figures[Figures.Completed], Percent(figures.CompletionRate)];

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;
}
