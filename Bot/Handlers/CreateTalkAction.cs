using TalkBot.Bot.Storage;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.CreateTalk;
using TalkBot.Cards.Localization;
using TalkBot.Domain;
using TalkBot.Domain.Calendar;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Handlers;

/// <summary>
/// Submitting the create-talk form: checks the input, lets Domain apply the rules (000 §四(一)2–3, SPEC §1), stores
/// the talk with its notices in one transaction, sends the notices, and shows the organiser who was reached.
/// A rejected submission stores nothing and shows the form again with every problem on top.
/// </summary>
public sealed class CreateTalkAction(
    CreateTalkForm form,
    PeopleRepository peopleRepository,
    TalkRepository talks,
    NoticeDispatcher dispatcher,
    NoticeViews views,
    WorkingCalendar calendar,
    TalkOptions options,
    Scheduling.ReminderPlanner planner,
    Cases.CaseTalks caseTalks,
    TimeProvider time) : ICardAction
{
    public string Verb => Verbs.TalkCreate;

    public async Task<AdaptiveCard> ExecuteAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (!Permissions.CanCreateTalks(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("新建谈话", "create talks"));
        }

        // A reminder talk on a lead, or an admonishment talk of an approved case, carries the lead's or case's id.
        var (purpose, refusal) = await caseTalks.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        // The form id becomes the talk id: a repeated click or a Teams retry finds the talk made by the first one.
        var formId = request.Text(DataKeys.FormId);
        if (!TalkId.TryParse(formId, out var talkId))
        {
            return await form.BuildAsync(actor, locale, null, null,
                [locale.Pick("表单已失效，请重新填写。", "This form has expired; please fill it in again.")], cancellationToken, purpose?.Setup).ConfigureAwait(false);
        }

        var existing = await talks.GetAsync(talkId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (purpose is not null)
            {
                await caseTalks.ReattachAsync(purpose, existing, await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
            }

            return await ExistingAsync(existing, actor, locale, cancellationToken).ConfigureAwait(false);
        }

        var parsed = CreateTalkInputParser.Parse(request.Data);
        if (parsed.Input is not { } input)
        {
            return await form.BuildAsync(actor, locale, formId, parsed.Draft,
                parsed.Problems.Select(p => p.Message(locale)).ToList(), cancellationToken, purpose?.Setup).ConfigureAwait(false);
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var unknown = input.Talkees.Concat(input.Talkers).Append(input.Recorder).Where(id => people.Find(id) is null).Distinct().ToList();
        if (unknown.Count > 0)
        {
            return await form.BuildAsync(actor, locale, formId, parsed.Draft,
                [locale.Pick($"组织名录中没有所选人员（{string.Join("、", unknown)}），请重新选择。",
                    $"The people chosen are not in the directory ({string.Join(", ", unknown)}); please choose again.")],
                cancellationToken, purpose?.Setup).ConfigureAwait(false);
        }

        var draft = new TalkDraft(
            input.Kind,
            input.Talkees.Select(id => people.Find(id)!).ToList(),
            input.Talkers.Select(id => people.Find(id)!).ToList(),
            calendar.ToInstant(input.Date, input.Time),
            input.Place,
            people.Find(input.Recorder),
            input.ContentDeterminedDate,
            input.Preparation);
        Talk talk;
        try
        {
            talk = purpose is null
                ? Talk.Schedule(talkId, draft, actor, calendar, options.Policy, time)
                : purpose.Schedule(talkId, draft, actor, calendar, options.Policy, time);
        }
        catch (DomainRuleException e)
        {
            return await form.BuildAsync(actor, locale, formId, parsed.Draft,
                e.Violations.Select(v => RuleMessages.Describe(v, locale)).ToList(), cancellationToken, purpose?.Setup).ConfigureAwait(false);
        }

        var notices = Notice.For(talk, time);
        if (!await talks.CreateAsync(talk, notices, cancellationToken).ConfigureAwait(false))
        {
            // A concurrent retry of this very submit stored it first.
            return await ExistingAsync(talk, actor, locale, cancellationToken).ConfigureAwait(false);
        }

        // Durable before anything is sent: a crash from here on loses no reminder of this talk.
        await planner.ForNewTalkAsync(talk, cancellationToken).ConfigureAwait(false);
        if (purpose is not null)
        {
            await caseTalks.AttachAsync(purpose, talk, people, cancellationToken).ConfigureAwait(false);
        }

        var delivered = new List<StoredNotice>();
        foreach (var notice in await talks.ListNoticesAsync(talk.Id, cancellationToken).ConfigureAwait(false))
        {
            delivered.Add(await dispatcher.DeliverAsync(talk, notice, people, cancellationToken).ConfigureAwait(false));
        }

        return TalkCreatedCard.Build(views.Created(talk, Ordered(talk, delivered), people, locale), locale);
    }

    private async Task<AdaptiveCard> ExistingAsync(Talk talk, Person actor, Locale locale, CancellationToken cancellationToken)
    {
        if (talk.Organiser != actor.Id)
        {
            return RefusalCard.Build(locale, locale.Pick("查看他人创建的谈话", "see a talk someone else created"));
        }

        var people = await PeopleLookup.LoadAsync(peopleRepository, cancellationToken).ConfigureAwait(false);
        var notices = await talks.ListNoticesAsync(talk.Id, cancellationToken).ConfigureAwait(false);
        return TalkCreatedCard.Build(views.Created(talk, Ordered(talk, notices), people, locale), locale);
    }

    private static List<StoredNotice> Ordered(Talk talk, IEnumerable<StoredNotice> notices) =>
        notices.OrderBy(n => talk.Talkees.ToList().IndexOf(n.Notice.Talkee)).ToList();
}
