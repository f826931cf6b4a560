using TalkBot.Cards.CreateTalk;
using TalkBot.Domain;
using TalkBot.Domain.Plans;
using TalkBot.Domain.Talks;

namespace TalkBot.Cards.Views;

/// <summary>A command the person may type, with what it does (in the person's language).</summary>
public sealed record CommandHelp(string Command, string Description);

/// <summary>The help card's content: who is greeted, what they may do.</summary>
public sealed record WelcomeView(string PersonName, IReadOnlyList<CommandHelp> Commands, bool CanCreateTalks);

/// <summary>A person offered in a choice list; <see cref="Detail"/> tells namesakes apart (unit, post).</summary>
public sealed record PersonChoice(PersonId Id, string DisplayName, string? Detail = null)
{
    /// <summary>"name · unit · post": what a choice list and a typeahead result show, alike in both languages.</summary>
    public string Title => Detail is null ? DisplayName : $"{DisplayName} · {Detail}";
}

/// <summary>
/// What the create-talk form offers. <see cref="MinDate"/> is the earliest date the rules allow (Domain's answer);
/// <see cref="Previous"/> re-shows what was entered; <see cref="Errors"/> are shown on top in attention colour.
/// <see cref="FormId"/> travels with the submit, so that a repeated submit of one form creates one talk.
/// <see cref="Joint"/>, when given, offers to invite others to talk jointly (000 §二2, §二4; searched in <see cref="JointDataset"/>).
/// </summary>
public sealed record CreateTalkFormView(
    IReadOnlyList<PersonChoice> Talkees,
    IReadOnlyList<PersonChoice> Talkers,
    IReadOnlyList<PersonChoice> Recorders,
    IReadOnlyList<TalkKind> Kinds,
    DateOnly DefaultDate,
    TimeOnly DefaultTime,
    DateOnly MinDate,
    string? DefaultPlace = null,
    string? DefaultPreparation = null,
    DateOnly? ContentDeterminedDate = null,
    CreateTalkDraft? Previous = null,
    IReadOnlyList<string>? Errors = null,
    string? FormId = null,
    TalkFormContext? Context = null,
    IReadOnlyList<int>? UncoveredYears = null,
    IReadOnlyList<PersonChoice>? Joint = null,
    string? JointDataset = null);

/// <summary>
/// A talk arranged for a lead (a reminder talk) or an admonishment case: the form's title and hint say so, the form is
/// submitted with <see cref="SubmitVerb"/>, and <see cref="Ids"/> (leadId or caseId) travel with the submit.
/// </summary>
public sealed record TalkFormContext(string Title, string Hint, IReadOnlyDictionary<string, string> Ids, string SubmitVerb = Verbs.TalkCreate);

/// <summary>Where a notice stands, from the talkee's side.</summary>
public abstract record NoticeState
{
    private NoticeState() { }

    public sealed record Pending : NoticeState;

    public sealed record Acknowledged(DateTimeOffset At) : NoticeState;

    public sealed record PostponementRequested(DateTimeOffset At, string Reason) : NoticeState;

    /// <summary>The notice could not be delivered in Teams (bot not installed, blocked).</summary>
    public sealed record Unreachable : NoticeState;

    /// <summary>The organiser refused the postponement asked (000 §四(五)1): the talkee attends at the notified time.</summary>
    public sealed record PostponementRefused(DateTimeOffset At, string Reason, string RequestReason) : NoticeState;

    /// <summary>The talk was cancelled: nothing left to answer.</summary>
    public sealed record Cancelled(DateTimeOffset At, string Reason) : NoticeState;
}

/// <summary>A talk moved after its first notice: the time it had, when and why it moved, and whether on the talkee's own request.</summary>
public sealed record TalkMovedView(DateTimeOffset From, DateTimeOffset At, string Reason, bool OnRequest);

/// <summary>
/// The 《层级廉政谈话通知书》 (000 §四(一)3): time, place and talker(s). <see cref="Scheduled"/> is the talk's
/// wall-clock time in its own zone. <see cref="TalkeeMri"/> ("29:…") limits automatic refresh to the talkee.
/// </summary>
public sealed record NoticeView(
    TalkId TalkId,
    TalkKind Kind,
    TalkFormat Format,
    string TalkeeName,
    IReadOnlyList<string> TalkerNames,
    string? RecorderName,
    DateTimeOffset Scheduled,
    string Place,
    IReadOnlyList<string> PreparationItems,
    string OrganiserName,
    NoticeState State,
    string? TalkeeMri = null,
    NoticeQuiz? Quiz = null,
    TalkMovedView? Moved = null);

/// <summary>Where one talkee's notice stands, as its organiser follows it.</summary>
public enum DeliveryOutcome
{
    /// <summary>Queued, not yet in the talkee's chat.</summary>
    Sending,
    Sent,
    Acknowledged,
    PostponementRequested,
    Unreachable,
    /// <summary>The organiser refused the postponement asked; the talkee has not acknowledged since.</summary>
    PostponementRefused,
}

/// <summary>
/// One talkee's notice on the organiser's card: <see cref="At"/> is when it was acknowledged or the postponement asked
/// (wall-clock time); <see cref="Reason"/> why it could not be delivered, or the reason given for a postponement.
/// </summary>
public sealed record NoticeDelivery(string TalkeeName, DeliveryOutcome Outcome, string? Reason = null, DateTimeOffset? At = null);

/// <summary>What the organiser sees after creating a talk.</summary>
public sealed record TalkCreatedView(
    TalkId TalkId,
    TalkKind Kind,
    TalkFormat Format,
    DateTimeOffset Scheduled,
    string Place,
    IReadOnlyList<string> TalkerNames,
    string? RecorderName,
    IReadOnlyList<NoticeDelivery> Deliveries,
    string? Reference = null,
    IReadOnlyList<int>? UncoveredYears = null,
    TalkManageView? Manage = null,
    IReadOnlyList<TalkLineView>? Lines = null);

/// <summary>
/// The tier line of 000 §二 a routine talk's talkee is on (the talker's own, or the one delegated to him), and who assists
/// on it (配合), as the organiser's card and the talkers' briefing say it.
/// </summary>
public sealed record TalkLineView(string TalkeeName, Tier Tier, TalkeeLine Line, IReadOnlyList<string> AssistantNames)
{
    public static IReadOnlyList<TalkLineView> Of(Talk talk, ViewContext context)
    {
        ArgumentNullException.ThrowIfNull(talk);
        ArgumentNullException.ThrowIfNull(context);
        return context.TiersOf is { } tiersOf
            ? [.. RoutineTalks.LinesOf(talk, tiersOf).Select(l => new TalkLineView(context.Name(l.Talkee), l.Tier, l.Line, context.Names(l.Assistants)))]
            : [];
    }
}

/// <summary>
/// What the organiser's card shows of the talk's changes, and what it offers: moving or cancelling it while it is ahead
/// (<see cref="CanChange"/>; the form's earliest date is <see cref="MinDate"/>, 000 §四(一)3), the talk's last move or its
/// cancellation, and the talkees recorded absent without leave (无故缺席).
/// </summary>
public sealed record TalkManageView(
    bool CanChange,
    DateOnly MinDate,
    DateOnly MaxDate,
    TalkMovedView? Moved = null,
    NoticeState.Cancelled? Cancelled = null,
    IReadOnlyList<string>? Absent = null,
    bool Admonishment = false);

/// <summary>One postponement asked of the organiser (000 §四(五)1: needs the organiser's decision), as the digest lists it.</summary>
public sealed record PostponementRequestView(
    TalkId TalkId,
    string TalkeeName,
    TalkKind Kind,
    DateTimeOffset Scheduled,
    string Place,
    DateTimeOffset RequestedAt,
    string Reason,
    string? Reference = null,
    PersonId? Talkee = null,
    DateOnly? MinDate = null,
    DateOnly? MaxDate = null);

/// <summary>One line of "my notices": a notice to the person, with where it stands.</summary>
public sealed record NoticeListItem(TalkId TalkId, TalkKind Kind, DateTimeOffset Scheduled, string Place, NoticeState State);
