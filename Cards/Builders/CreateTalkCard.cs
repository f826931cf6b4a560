using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain.Talks;
using static TalkBot.Cards.Builders.CardParts;

namespace TalkBot.Cards.Builders;

/// <summary>The form to schedule a talk; its input ids are <see cref="CreateTalkFields"/>, read back by <see cref="CreateTalkInputParser"/>.</summary>
public static class CreateTalkCard
{
    public static AdaptiveCard Build(CreateTalkFormView view, Locale locale)
    {
        ArgumentNullException.ThrowIfNull(view);
        var previous = view.Previous ?? new CreateTalkDraft();
        IReadOnlyList<TalkKind> kinds = view.Kinds.Count > 0 ? view.Kinds : Enum.GetValues<TalkKind>();
        var title = view.Context?.Title ?? locale.Pick("新建廉政谈话", "New integrity talk");
        var card = NewCard(title);
        card.Body.Add(Heading(title));

        if (view.Errors is { Count: > 0 } errors)
        {
            card.Body.Add(Attention(errors));
        }

        card.Body.Add(Subtle(view.Context?.Hint ?? RulesHint(view, locale)));
        if (CalendarNote(view.UncoveredYears, locale) is { } note)
        {
            card.Body.Add(note);
        }

        // A talk for a lead or a case is about its subject alone: the talkee is offered, not searched for.
        card.Body.Add(People(CreateTalkFields.Talkees, view.Talkees, previous.Talkees, view.Context is null ? Datasets.Talkees : null, multi: true, locale));
        card.Body.Add(People(CreateTalkFields.Talkers, view.Talkers, previous.Talkers, Datasets.Talkers, multi: true, locale));
        card.Body.Add(People(CreateTalkFields.Recorder, view.Recorders, previous.Recorder, Datasets.Recorders, multi: false, locale));
        if (view.Joint is { Count: > 0 } joint)
        {
            // 000 §二2, §二4: the group leader's and the stationed leader's talks may be joined by committee members; optional.
            card.Body.Add(PersonInput.Build(CreateTalkFields.Joint, CreateTalkFields.Label(CreateTalkFields.Joint, locale), joint, previous.Joint, view.JointDataset,
                required: false, null, locale, multi: true));
        }

        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = CreateTalkFields.Kind,
            Label = CreateTalkFields.Label(CreateTalkFields.Kind, locale),
            IsRequired = true,
            ErrorMessage = Required(CreateTalkFields.Kind, locale),
            Choices = [.. kinds.Select(k => new AdaptiveChoice(Labels.Of(k, locale), k.ToString()))],
            Value = previous.Kind ?? kinds[0].ToString(),
        });
        card.Body.Add(new AdaptiveChoiceSetInput
        {
            Id = CreateTalkFields.Format,
            Label = CreateTalkFields.Label(CreateTalkFields.Format, locale),
            Style = AdaptiveChoiceInputStyle.Expanded,
            Choices = [.. Enum.GetValues<TalkFormat>().Select(f => new AdaptiveChoice(Labels.Of(f, locale), f.ToString()))],
            Value = previous.Format ?? nameof(TalkFormat.Individual),
        });

        card.Body.Add(new AdaptiveDateInput
        {
            Id = CreateTalkFields.Date,
            Label = CreateTalkFields.Label(CreateTalkFields.Date, locale),
            IsRequired = true,
            // The client shows this both for an empty date and for one before Min: it must say the earliest date and why.
            ErrorMessage = EarliestDate(view, locale),
            Min = DateText.Iso(view.MinDate),
            Value = previous.Date ?? DateText.Iso(view.DefaultDate),
        });
        card.Body.Add(new AdaptiveTimeInput
        {
            Id = CreateTalkFields.Time,
            Label = CreateTalkFields.Label(CreateTalkFields.Time, locale),
            IsRequired = true,
            ErrorMessage = Required(CreateTalkFields.Time, locale),
            Value = previous.Time ?? DateText.Iso(view.DefaultTime),
        });
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CreateTalkFields.Place,
            Label = CreateTalkFields.Label(CreateTalkFields.Place, locale),
            Placeholder = locale.Pick("例如：第三会议室", "e.g. Meeting room 3"),
            IsRequired = true,
            ErrorMessage = Required(CreateTalkFields.Place, locale),
            MaxLength = CreateTalkInputParser.MaxPlaceLength,
            Value = previous.Place ?? view.DefaultPlace,
        });
        card.Body.Add(new AdaptiveTextInput
        {
            Id = CreateTalkFields.Preparation,
            Label = CreateTalkFields.Label(CreateTalkFields.Preparation, locale),
            Placeholder = locale.Pick("通知谈话对象需准备的内容，每行一项", "What the talkee should prepare, one item per line"),
            IsMultiline = true,
            MaxLength = CreateTalkInputParser.MaxPreparationLength,
            Value = previous.Preparation ?? view.DefaultPreparation,
        });
        card.Body.Add(new AdaptiveDateInput
        {
            Id = CreateTalkFields.ContentDate,
            Label = CreateTalkFields.Label(CreateTalkFields.ContentDate, locale),
            Value = previous.ContentDate ?? (view.ContentDeterminedDate is { } d ? DateText.Iso(d) : null),
        });

        var ids = new Dictionary<string, string>(view.Context?.Ids ?? new Dictionary<string, string>());
        if (view.FormId is { } formId)
        {
            ids[DataKeys.FormId] = formId;
        }

        card.Body.Add(CardActions.Set(CardActions.Execute(
            view.Context?.SubmitVerb ?? Verbs.TalkCreate, locale.Pick("创建并发送通知书", "Create and send notices"), ids, style: AdaptiveActionStyle.Positive)));
        return card;
    }

    // 000 §四(一)2–3: within 5 days of the content date, notice 2 working days ahead; §三1: routine talks in the last week.
    private static string RulesHint(CreateTalkFormView view, Locale locale) => locale.Pick(
        $"谈话原则上在谈话内容确定后5日内开展，通知书须提前2个工作日送达（000 §四(一)2–3）。最早可安排在 {DateText.Date(view.MinDate, locale)}。",
        $"A talk is held within 5 days of its content being determined, and the notice must reach the talkee 2 working days ahead (000 §四(一)2–3). The earliest possible date is {DateText.Date(view.MinDate, locale)}.");

    // 000 §四(一)3: the earliest date is the notice rule's (Domain computed MinDate); the content date's window is checked on submit.
    private static string EarliestDate(CreateTalkFormView view, Locale locale) => locale.Pick(
        $"请选择 {DateText.Date(view.MinDate, locale)} 或之后的日期：通知书须提前2个工作日送达谈话对象（000 §四(一)3）。",
        $"Choose {DateText.Date(view.MinDate, locale)} or later: the notice must reach the talkee 2 working days before the talk (000 §四(一)3).");

    private static AdaptiveElement People(string field, IReadOnlyList<PersonChoice> people, string? value, string? dataset, bool multi, Locale locale) =>
        PersonInput.Build(field, CreateTalkFields.Label(field, locale), people, value, dataset, required: true, Required(field, locale), locale, multi);

    private static string Required(string field, Locale locale) => locale.Pick(
        $"请填写“{CreateTalkFields.Label(field, locale)}”。",
        $"Please fill in “{CreateTalkFields.Label(field, locale)}”.");
}
