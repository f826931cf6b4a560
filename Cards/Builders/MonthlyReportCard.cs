using System.Globalization;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>One unit's line of the monthly report: talkees planned, scheduled and carried out, and the rate (null: nothing scheduled).</summary>
public sealed record ReportLine(string Unit, long Planned, long Scheduled, long Completed, double? Rate);

/// <summary>
/// Last month's completion for a unit and the units below it (SPEC §6: reports show counts to those above; 000, last
/// paragraph: 考核、问责), with the address of the statistics in the tab.
/// </summary>
public sealed record MonthlyReportView(int Year, int Month, ReportLine Total, IReadOnlyList<ReportLine> Below, Uri TabUrl);

/// <summary>
/// The monthly report card. Its chart is a bar per unit drawn with Adaptive Cards 1.5 elements (a column set whose
/// column widths are the rate), so that every client draws it — Teams' chart elements are not in 1.5 — and each bar
/// carries its figures as text, for screen readers and clients that draw no colour.
/// </summary>
public static class MonthlyReportCard
{
    /// <summary>At most this many units below are drawn; the tab shows them all.</summary>
    public const int MaxBars = 20;

    public static AdaptiveCard Build(MonthlyReportView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick($"{view.Year}年{view.Month}月谈话完成情况：{view.Total.Unit}", $"Talks completed in {view.Year}-{view.Month:D2}: {view.Total.Unit}");
        var card = NewCard(title);
        card.Body.Add(Heading(title));
        card.Body.Add(Paragraph(locale.Pick(
            "按月报告本单位及下级单位的谈话落实情况，作为考核、问责的依据（000 末段）。完成：谈话已开展并已填写登记表。",
            "Monthly report of the talks of your unit and those below, the evidence for assessment and accountability (000, last paragraph). Completed: held, with its record filled in.")));
        card.Body.Add(Facts(
            (locale.Pick("计划谈话人次", "Talkees planned"), Number(view.Total.Planned)),
            (locale.Pick("已安排", "Scheduled"), Number(view.Total.Scheduled)),
            (locale.Pick("已完成", "Completed"), Number(view.Total.Completed)),
            (locale.Pick("完成率", "Completion rate"), Rate(view.Total.Rate, locale))));
        if (view.Below.Count > 0)
        {
            card.Body.Add(SubHeading(locale.Pick("下级单位完成率", "Completion by unit below")));
            foreach (var line in view.Below.Take(MaxBars))
            {
                card.Body.Add(Bar(line, locale));
            }

            if (view.Below.Count > MaxBars)
            {
                card.Body.Add(Subtle(locale.Pick($"另有{view.Below.Count - MaxBars}个单位，请在统计页查看。", $"{view.Below.Count - MaxBars} more units are in the statistics page.")));
            }
        }

        card.Body.Add(new AdaptiveActionSet
        {
            Actions = [new AdaptiveOpenUrlAction(view.TabUrl) { Title = locale.Pick("打开统计", "Open the statistics") }],
        });
        return card;
    }

    private static AdaptiveColumnSet Bar(ReportLine line, Locale locale)
    {
        var filled = (int)Math.Round((line.Rate ?? 0) * 100);
        var bar = new AdaptiveColumnSet();
        if (filled > 0)
        {
            bar.Columns.Add(new AdaptiveColumn { Width = filled.ToString(CultureInfo.InvariantCulture), Style = AdaptiveContainerStyle.Good, Items = [Subtle(" ")] });
        }

        if (filled < 100)
        {
            bar.Columns.Add(new AdaptiveColumn { Width = (100 - filled).ToString(CultureInfo.InvariantCulture), Style = AdaptiveContainerStyle.Emphasis, Items = [Subtle(" ")] });
        }

        return new AdaptiveColumnSet
        {
            Spacing = AdaptiveSpacing.Small,
            Columns =
            [
                new AdaptiveColumn { Width = "2", Items = [new AdaptiveTextBlock(line.Unit) { Wrap = true, Size = AdaptiveTextSize.Small }] },
                new AdaptiveColumn { Width = "3", VerticalContentAlignment = AdaptiveVerticalContentAlignment.Center, Items = [new AdaptiveContainer { Items = [bar] }] },
                new AdaptiveColumn
                {
                    Width = "2",
                    Items = [Subtle(locale.Pick($"{Rate(line.Rate, locale)}（{line.Completed}/{line.Scheduled}）", $"{Rate(line.Rate, locale)} ({line.Completed}/{line.Scheduled})"))],
                },
            ],
        };
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A rate as a whole percentage; "无安排" when nothing was scheduled.</summary>
    public static string Rate(double? rate, Locale locale) =>
        rate is { } r ? (r * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : locale.Pick("无安排", "none scheduled");
}
