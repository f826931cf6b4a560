using System.Globalization;
using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Records;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Records;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Handlers;

/// <summary>
/// What the record actions share: finding the talk, checking who may do what (SPEC §6) from the caller's identity,
/// never from card data, and the messages they send.
/// </summary>
public sealed class RecordDesk(
    TalkRepository talks,
    RecordRepository records,
    PeopleRepository peopleRepository,
    RecordPresenter presenter)
{
    public const int MaxAttempts = 3;

    public RecordRepository Records => records;
    public RecordPresenter Presenter => presenter;

    /// <summary>The talk the card names, with the directory; null when the id is malformed or names no talk.</summary>
    public async Task<(Talk Talk, PeopleLookup People)?> FindAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (!TalkId.TryParse(request.Text(DataKeys.TalkId), out var talkId)
            || await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false) is not { } talk)
        {
            return null;
        }

        return (talk, await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Violations in words, with the people they name by name rather than by id.</summary>
    public static List<string> Describe(IEnumerable<RuleViolation> violations, PeopleLookup people, Locale locale) =>
        [.. violations.Select(v => v.Argument("person") is { } id && v.Arguments is { } args
            ? v with { Arguments = new Dictionary<string, string>(args) { ["name"] = people.Name(new PersonId(id)) } }
            : v).Select(v => RuleMessages.Describe(v, locale))];

    public static AdaptiveCard TalkNotFound(Locale locale) => ErrorCard.Build(
        locale.Pick("未找到该谈话", "Talk not found"),
        [locale.Pick("没有找到这次谈话，无法登记或查看记录。它可能已被删除，或链接有误。", "There is no such talk, so it has no record to log or view. It may have been removed, or the link is wrong.")],
        locale);

    public static AdaptiveCard NoRecord(Locale locale) => ErrorCard.Build(
        locale.Pick("该谈话尚无记录", "No record yet"),
        [locale.Pick("记录人尚未登记这次谈话的记录。", "The recorder has not logged this talk yet.")],
        locale);

    public static AdaptiveCard Busy(Locale locale) => ErrorCard.Busy(locale, "该记录", "The record");

    public static AdaptiveCard Refused(Locale locale, string zh, string en) => RefusalCard.Build(locale, locale.Pick(zh, en));
}

/// <summary>登记谈话记录 / 修改记录: the record form for the talk's recorder or its discipline office (000 §四(一)4).</summary>
public sealed class OpenRecordFormAction(RecordDesk desk) : ICardAction
{
    public string Verb => Verbs.RecordNew;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var locale = request.Locale;
        if (await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordDesk.TalkNotFound(locale);
        }

        if (!RecordAccess.CanLog(request.Actor, talk, people.Find(talk.Organiser)))
        {
            return RecordDesk.Refused(locale, "登记这次谈话的记录", "record this talk");
        }

        if (talk.Status == TalkStatus.Cancelled)
        {
            return RuleViolationCard.Build([new RuleViolation(RuleCode.TalkCancelled, RuleSources.Record)], locale);
        }

        var stored = await desk.Records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        return RecordFormCard.Build(desk.Presenter.Form(talk, stored?.Record, request.Actor, people, Guid.NewGuid().ToString("N")), locale);
    }
}

/// <summary>
/// 提交记录: stores the record (the first version, or a revision), marks the talk held, and sends each talkee their part
/// to verify (002 §五7). A repeated submit of one form stores one version and sends nothing again. A rejected form is
/// shown again with every problem on top, and nothing is stored.
/// </summary>
public sealed class SubmitRecordAction(RecordDesk desk, RectificationDesk rectifications, Cases.CaseRecordHook cases, PersonMessenger messenger,
    WorkingCalendar calendar, TimeProvider time) : ICardAction
{
    public string Verb => Verbs.RecordSubmit;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordDesk.TalkNotFound(locale);
        }

        if (!RecordAccess.CanLog(actor, talk, people.Find(talk.Organiser)))
        {
            return RecordDesk.Refused(locale, "登记这次谈话的记录", "record this talk");
        }

        var formId = request.FormId;
        var parsed = RecordInputParser.Parse(request.Data, talk.Talkees, calendar.ToInstant);
        for (var attempt = 1; attempt <= RecordDesk.MaxAttempts; attempt++)
        {
            var stored = await desk.Records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
            AdaptiveCard Form(IReadOnlyList<string> errors) =>
                RecordFormCard.Build(desk.Presenter.Form(talk, stored?.Record, actor, people, formId ?? Guid.NewGuid().ToString("N"), parsed.Values, errors), locale);

            if (parsed.Content is not { } content)
            {
                return Form([.. parsed.Problems.Select(p => p.Message(locale))]);
            }

            TalkRecord record;
            bool saved;
            try
            {
                if (stored is null)
                {
                    record = TalkRecord.Log(talk, content, actor.Id, formId, time);
                    talk.MarkHeld();
                    saved = await desk.Records.CreateAsync(talk, record, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    record = stored.Record;
                    var before = record.Versions.Count;
                    if (!record.Revise(talk, content, actor.Id, formId, time))
                    {
                        return RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, actor.Id, people, RecordCardMode.Recorder), locale);
                    }

                    saved = await desk.Records.SaveAsync(stored, before, [], request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (DomainRuleException e)
            {
                return Form(RecordDesk.Describe(e.Violations, people, locale));
            }

            if (!saved)
            {
                continue; // a repeated submit raced this one: read again, and the form id makes it a no-op
            }

            await messenger.TellEachAsync(
                talk.Talkees,
                (talkee, l) => RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, talkee, people, RecordCardMode.Verify), l),
                cancellationToken).ConfigureAwait(false);

            // 000 §四(一)5: the 3 days run from the talk, not from the record's verification, so they open now.
            await rectifications.OpenForRecordAsync(talk, record, people, cancellationToken).ConfigureAwait(false);
            // A lead's dispositions or a case's follow-up; a revision finds them done already and changes nothing.
            await cases.OnRecordLoggedAsync(talk, people, cancellationToken).ConfigureAwait(false);

            return RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, actor.Id, people, RecordCardMode.Recorder,
                locale.Pick("记录已提交，已发送谈话对象核实。", "Record submitted and sent to the talkee(s) to verify.")), locale);
        }

        return RecordDesk.Busy(locale);
    }
}

/// <summary>
/// 确认无误 / 有异议: a talkee verifies their part of the current version (本人核实, 002 §五7). A dispute goes back to the
/// recorder with its comment; when every talkee has confirmed, the recorder is told the record is verified.
/// </summary>
public abstract class VerifyRecordAction(RecordDesk desk, PersonMessenger messenger, TimeProvider time) : ICardAction
{
    public abstract string Verb { get; }

    protected abstract VerificationDecision Decision { get; }

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people) || !talk.IsTalkee(actor.Id))
        {
            // Someone else's record: the same answer as for a talk that does not exist, so nothing is revealed.
            return RecordDesk.TalkNotFound(locale);
        }

        _ = int.TryParse(request.Text(DataKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var version);
        for (var attempt = 1; attempt <= RecordDesk.MaxAttempts; attempt++)
        {
            if (await desk.Records.GetAsync(talk, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return RecordDesk.NoRecord(locale);
            }

            var record = stored.Record;
            var statusBefore = record.Status;
            bool changed;
            try
            {
                changed = record.Verify(actor.Id, version, Decision, request.Text(DataKeys.Comment), time);
            }
            catch (DomainRuleException e)
            {
                var mode = RecordPresenter.ModeFor(talk, record, actor, people.Find(talk.Organiser));
                return RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, actor.Id, people, mode,
                    string.Join(" ", RecordDesk.Describe(e.Violations, people, locale))), locale);
            }

            if (changed && !await desk.Records.SaveAsync(stored, record.Versions.Count, [actor.Id], request.Turn.Activity.Id, cancellationToken).ConfigureAwait(false))
            {
                continue; // a repeated click raced this one: read again, and the domain makes it a no-op
            }

            if (changed && (record.Status == RecordStatus.Disputed || (record.Status == RecordStatus.Verified && statusBefore != RecordStatus.Verified)))
            {
                var recorder = record.Current.Content.Recorder ?? record.Current.Author;
                await messenger.TellEachAsync(
                    new[] { recorder, record.Current.Author },
                    (person, l) => RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, person, people, RecordCardMode.Recorder,
                        record.Status == RecordStatus.Disputed
                            ? l.Pick($"{people.Name(actor.Id)}对记录有异议，请修改后重新提交核实。", $"{people.Name(actor.Id)} disputes the record; please revise it and submit it again.")
                            : null), l),
                    cancellationToken).ConfigureAwait(false);
            }

            return RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, actor.Id, people, RecordCardMode.View), locale);
        }

        return RecordDesk.Busy(locale);
    }
}

public sealed class ConfirmRecordAction(RecordDesk desk, PersonMessenger messenger, TimeProvider time) : VerifyRecordAction(desk, messenger, time)
{
    public override string Verb => Verbs.RecordConfirm;

    protected override VerificationDecision Decision => VerificationDecision.Confirmed;
}

public sealed class DisputeRecordAction(RecordDesk desk, PersonMessenger messenger, TimeProvider time) : VerifyRecordAction(desk, messenger, time)
{
    public override string Verb => Verbs.RecordDispute;

    protected override VerificationDecision Decision => VerificationDecision.Disputed;
}

/// <summary>查看记录: the record, for those allowed to see it (SPEC §6); a talkee sees their own part.</summary>
public sealed class ShowRecordAction(RecordDesk desk, Cases.CaseKit audit) : ICardAction
{
    public string Verb => Verbs.RecordShow;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await desk.FindAsync(request, cancellationToken).ConfigureAwait(false) is not var (talk, people))
        {
            return RecordDesk.TalkNotFound(locale);
        }

        var stored = await desk.Records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
        var organiser = people.Find(talk.Organiser);
        // SPEC §6: every view of a record is audited, and so is a refusal.
        var subject = talk.Talkees.Count == 1 ? talk.Talkees[0] : (PersonId?)null;
        if (!RecordAccess.CanView(actor, talk, organiser, stored?.Record))
        {
            await audit.AuditAsync(actor, Domain.Audit.AuditAction.Refused, Domain.Audit.AuditObject.Record, talk.Id.Value, subject, cancellationToken).ConfigureAwait(false);
            return RecordDesk.Refused(locale, "查看这次谈话的记录", "view this talk's record");
        }

        if (stored is null)
        {
            return RecordDesk.NoRecord(locale);
        }

        await audit.AuditAsync(actor, Domain.Audit.AuditAction.View, Domain.Audit.AuditObject.Record, talk.Id.Value, subject, cancellationToken).ConfigureAwait(false);

        var record = stored.Record;
        return RecordCard.Build(desk.Presenter.Record(talk, record, record.Current, actor.Id, people, RecordPresenter.ModeFor(talk, record, actor, organiser)), locale);
    }
}

/// <summary>
/// 待办记录: what the caller, as recorder or organiser, still has to do: talks held without a record, records awaiting
/// verification, and disputed ones to revise.
/// </summary>
public sealed class RecordTodoList(TalkRepository talks, RecordDesk desk, PeopleRepository peopleRepository, WorkingCalendar calendar, TimeProvider time)
{
    public async Task<AdaptiveCard> BuildAsync(Person actor, Locale locale, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var items = new List<RecordTodoItem>();
        foreach (var (talkId, relations) in await talks.ListTalksInvolvingAsync(actor.Id, cancellationToken).ConfigureAwait(false))
        {
            if (!relations.Contains(TalkRelation.Recorder) && !relations.Contains(TalkRelation.Organiser))
            {
                continue;
            }

            var talk = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
            if (talk is null || talk.Status == TalkStatus.Cancelled || talk.ScheduledAt > now)
            {
                continue;
            }

            var stored = await desk.Records.GetAsync(talk, cancellationToken).ConfigureAwait(false);
            var names = talk.Talkees.Select(people.Name).ToList();
            var scheduled = calendar.ToLocal(talk.ScheduledAt);
            switch (stored?.Record)
            {
                case null:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.NotLogged, []));
                    break;
                case { Status: RecordStatus.Disputed } r:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.Disputed,
                        [.. r.Current.Verifications.Where(v => v.Decision == VerificationDecision.Disputed).Select(v => people.Name(v.Talkee))]));
                    break;
                case { Status: RecordStatus.AwaitingVerification } r:
                    items.Add(new RecordTodoItem(talk.Id, talk.Kind, scheduled, talk.Place, names, TodoKind.AwaitingVerification,
                        [.. talk.Talkees.Where(t => r.Current.VerificationBy(t) is null).Select(people.Name)]));
                    break;
            }
        }

        return RecordTodoCard.Build(items, locale);
    }
}

public sealed class RecordTodoCommand(RecordTodoList list) : ICommand
{
    public IReadOnlyList<string> Names { get; } = ["待办记录", "records"];

    public Task<AdaptiveCard> ExecuteAsync(CommandRequest request, CancellationToken cancellationToken) =>
        list.BuildAsync(request.Actor, request.Locale, cancellationToken);
}

public sealed class RecordTodoAction(RecordTodoList list) : ICardAction
{
    public string Verb => Verbs.RecordTodo;

    public Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        list.BuildAsync(request.Actor, request.Locale, cancellationToken);
}
