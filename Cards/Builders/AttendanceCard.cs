using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Localization;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>One talkee on the attendance card: absent without leave (无故缺席) recorded or not.</summary>
public sealed record AttendanceLine(Domain.PersonId Talkee, string Name, bool Absent);

/// <summary>
/// 出勤登记, for the recorder and the talkers: once the talk's time has come, a talkee who did not come without leave is
/// recorded (000 §四(五)1: 按通知时间参加谈话，不得无故推诿、拖延) and the discipline office is told.
/// </summary>
public sealed record AttendanceView(Domain.TalkId TalkId, Domain.Talks.TalkKind Kind, DateTimeOffset Scheduled, string Place, bool Open, IReadOnlyList<AttendanceLine> Talkees);

public static class AttendanceCard
{
    public static AdaptiveCard Build(AttendanceView view, Locale locale, IReadOnlyList<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var title = locale.Pick("出勤登记", "Attendance");
        var card = NewCard(title);
        if (problems is { Count: > 0 })
        {
            card.Body.Add(Attention(problems));
        }

        card.Body.Add(Heading(title));
        card.Body.Add(Facts(
            (locale.Pick("谈话类型", "Kind"), Labels.Of(view.Kind, locale)),
            (locale.Pick("谈话时间", "Time"), DateText.DateTime(view.Scheduled, locale)),
            (locale.Pick("谈话地点", "Place"), view.Place)));
        card.Body.Add(Subtle(view.Open
            ? locale.Pick("谈话对象无故未到的，请登记“无故缺席”，纪委办将收到通知（000 §四(五)1）。",
                "Record a talkee who did not come without leave; the discipline office is told (000 §四(五)1).")
            : locale.Pick("谈话开始后方可登记缺席。", "Absences can be recorded once the talk's time has come.")));
        foreach (var line in view.Talkees)
        {
            card.Body.Add(SubHeading(line.Name));
            if (line.Absent)
            {
                card.Body.Add(Status(locale.Pick("已登记：无故缺席", "Recorded: absent without leave"), AdaptiveContainerStyle.Attention, AdaptiveTextColor.Attention));
            }
            else if (view.Open)
            {
                card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.TalkAbsent, locale.Pick("登记无故缺席", "Record absent without leave"),
                    new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value, [DataKeys.Talkee] = line.Talkee.Value },
                    AdaptiveActionStyle.Destructive, AdaptiveAssociatedInputs.None, id: $"{Verbs.TalkAbsent}.{line.Talkee.Value}")));
            }
        }

        if (view.Open && view.Talkees.Any(t => !t.Absent))
        {
            // Those who came are recorded in the record form; its "did not attend" buttons lead back here.
            card.Body.Add(CardActions.Set(CardActions.Execute(Verbs.RecordNew, locale.Pick("填写谈话记录", "Fill in the record"),
                new Dictionary<string, string> { [DataKeys.TalkId] = view.TalkId.Value }, AdaptiveActionStyle.Positive, AdaptiveAssociatedInputs.None)));
        }

        return card;
    }
}
