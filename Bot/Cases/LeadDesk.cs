using TalkBot.Bot.Handlers;
using TalkBot.Bot.Talks;
using TalkBot.Cards;
using TalkBot.Cards.AdaptiveCards;
using TalkBot.Cards.Builders;
using TalkBot.Cards.Localization;
using TalkBot.Cards.Views;
using TalkBot.Domain;
using TalkBot.Domain.Admonishments;
using TalkBot.Domain.Audit;
using TalkBot.Domain.FollowUps;
using TalkBot.Domain.Leads;
using TalkBot.Domain.People;
using TalkBot.Domain.Rules;
using TalkBot.Domain.Talks;

namespace TalkBot.Bot.Cases;

/// <summary>
/// Leads (问题线索, 000 §三2–3): registered by the discipline office, turned into a reminder talk, and decided on after it
/// (000 §四(四)) with each disposition's follow-on. The reporter is shown only to the office of the lead's level.
/// </summary>
public sealed class LeadDesk(CaseKit kit, CreateTalkForm talkForm, TaskDesk tasks, AdmonishmentDesk admonishments)
{
    /// <summary>登记问题线索: the form, for the discipline office only.</summary>
    public async Task<AdaptiveCard> FormAsync(Person actor, Locale locale, CancellationToken cancellationToken,
        string? formId = null, IReadOnlyDictionary<string, string?>? values = null, IReadOnlyList<string>? errors = null)
    {
        if (!LeadAccess.IsDisciplineOffice(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("登记问题线索", "register leads"));
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        return LeadFormCard.Build(new LeadFormView(formId ?? LeadId.New(kit.Time).Value,
            [.. people.All.Where(p => p.Active && p.Id != actor.Id).Select(p => CaseKit.Choice(p, locale))], values, errors), locale);
    }

    /// <summary>Registers the lead; the form id is its id, so a repeated submit shows the lead registered by the first.</summary>
    public async Task<AdaptiveCard> CreateAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (!LeadAccess.IsDisciplineOffice(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("登记问题线索", "register leads"));
        }

        if (!LeadId.TryParse(request.Text(DataKeys.FormId), out var id))
        {
            return await FormAsync(actor, locale, cancellationToken, errors: [Expired(locale)]).ConfigureAwait(false);
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        if (await kit.Store.GetLeadAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await ShowAsync(actor, locale, existing.Lead, people, cancellationToken).ConfigureAwait(false);
        }

        var values = request.Values(CaseFields.Subject, CaseFields.Source, CaseFields.Category, CaseFields.Summary, CaseFields.ReporterName, CaseFields.ReporterUnit);
        var draft = new LeadDraft(
            Enum.TryParse<LeadSource>(request.Text(CaseFields.Source), out var source) && Enum.IsDefined(source) ? source : null,
            Enum.TryParse<DisciplineCategory>(request.Text(CaseFields.Category), out var category) && Enum.IsDefined(category) ? category : null,
            request.Text(CaseFields.Summary),
            new Reporter(request.Text(CaseFields.ReporterName), request.Text(CaseFields.ReporterUnit)));
        var subject = request.Text(CaseFields.Subject) is { Length: > 0 } s ? people.Find(new PersonId(s)) : null;
        Lead lead;
        try
        {
            lead = Lead.Register(id, draft, actor, subject, kit.Now);
        }
        catch (DomainRuleException e)
        {
            return await FormAsync(actor, locale, cancellationToken, id.Value, values, RecordDesk.Describe(e.Violations, people, locale)).ConfigureAwait(false);
        }

        if (!await kit.Store.CreateLeadAsync(lead, cancellationToken).ConfigureAwait(false)
            && await kit.Store.GetLeadAsync(id, cancellationToken).ConfigureAwait(false) is { } raced)
        {
            lead = raced.Lead;
        }

        var unit = await kit.UnitNameAsync(people.Find(lead.Subject)?.UnitId, cancellationToken).ConfigureAwait(false);
        return LeadCard.Build(View(lead, actor, people, unit, [], [], locale.Pick("问题线索已登记。下一步：安排廉政提醒谈话。", "Lead registered. Next: arrange the reminder talk.")), locale);
    }

    /// <summary>查看线索: the whole lead for its office, the problem alone for a talker; anyone else is refused. Every view is audited.</summary>
    public async Task<AdaptiveCard> ShowAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseKit.NotFound(request.Locale, "问题线索", "Lead");
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        return await ShowAsync(request.Actor, request.Locale, stored.Lead, people, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> ShowAsync(Person actor, Locale locale, Lead lead, PeopleLookup people, CancellationToken cancellationToken,
        string? notice = null, IReadOnlyList<string>? errors = null)
    {
        var latest = await LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
        if (!LeadAccess.CanBeBriefed(actor, lead, Talkers(latest)))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "查看这条问题线索", "view this lead", cancellationToken).ConfigureAwait(false);
        }

        await kit.AuditAsync(actor, AuditAction.View, AuditObject.Lead, lead.Id.Value, lead.Subject, cancellationToken).ConfigureAwait(false);
        if (!LeadAccess.IsOfficeOf(actor, lead))
        {
            var briefing = Briefing(lead, people, kit.Calendar, notice) with { CanDispose = await CanDisposeNowAsync(actor, lead, latest, cancellationToken).ConfigureAwait(false) };
            return LeadCard.Build(briefing with { Errors = errors }, locale);
        }

        var lines = await kit.TalkLinesAsync(lead.Talks, people, cancellationToken).ConfigureAwait(false);
        var tasksOf = await kit.Store.ListTasksAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false);
        var unit = await kit.UnitNameAsync(people.Find(lead.Subject)?.UnitId, cancellationToken).ConfigureAwait(false);
        var view = View(lead, actor, people, unit, lines, [.. tasksOf.Select(t => kit.Line(t, people))], notice) with
        {
            CanDispose = await CanDisposeNowAsync(actor, lead, latest, cancellationToken).ConfigureAwait(false),
            Admonishment = await CaseOfAsync(lead, cancellationToken).ConfigureAwait(false),
            Errors = errors,
        };
        return LeadCard.Build(view, locale);
    }

    /// <summary>安排提醒谈话: the create-talk form for the lead's reminder talk, for its office.</summary>
    public async Task<AdaptiveCard> ArrangeTalkAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseKit.NotFound(locale, "问题线索", "Lead");
        }

        var lead = stored.Lead;
        if (!LeadAccess.IsOfficeOf(actor, lead))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "为这条线索安排谈话", "arrange a talk for this lead", cancellationToken).ConfigureAwait(false);
        }

        return await talkForm.BuildAsync(actor, locale, null, null, null, cancellationToken, CaseTalks.ForLead(lead, locale)).ConfigureAwait(false);
    }

    /// <summary>记录谈后处置: the dispositions form, once the latest talk has been held.</summary>
    public async Task<AdaptiveCard> DisposeFormAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseKit.NotFound(locale, "问题线索", "Lead");
        }

        var lead = stored.Lead;
        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var latest = await LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
        if (!LeadAccess.CanDispose(actor, lead, Talkers(latest)))
        {
            return await kit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "记录谈后处置", "record dispositions", cancellationToken).ConfigureAwait(false);
        }

        if (!await CanDisposeNowAsync(actor, lead, latest, cancellationToken).ConfigureAwait(false))
        {
            return await ShowAsync(actor, locale, lead, people, cancellationToken, errors:
                [RuleMessages.Describe(new RuleViolation(RuleCode.DispositionBeforeTalk, RuleSources.Dispositions), locale)]).ConfigureAwait(false);
        }

        // The form shows the problem: a view of the lead like any other (SPEC §6).
        await kit.AuditAsync(actor, AuditAction.View, AuditObject.Lead, lead.Id.Value, lead.Subject, cancellationToken).ConfigureAwait(false);
        return DispositionForm(lead, people, Guid.NewGuid().ToString("N"), null, null, locale);
    }

    /// <summary>
    /// Records the dispositions (000 §四(四)) and starts each follow-on: a task with a deadline for a written reply, a
    /// self-examination, a second talk, a letter inquiry or a preliminary verification; the talkee told of an adopted
    /// suggestion or a closure; the proposal form for an admonishment. A repeated submit of one form does it once.
    /// </summary>
    public async Task<AdaptiveCard> DisposeAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        var formId = request.FormId ?? Guid.NewGuid().ToString("N");
        var drafts = Enum.GetValues<DispositionKind>().Where(k => request.Text(CaseFields.Chosen(k)) == "true").Select(k => new DispositionDraft(k,
            request.Text(CaseFields.Note(k)),
            request.Date(CaseFields.Due(k)))).ToList();
        var values = request.Values([.. Enum.GetValues<DispositionKind>().SelectMany(k => new[] { CaseFields.Chosen(k), CaseFields.Note(k), CaseFields.Due(k) })]);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return CaseKit.NotFound(locale, "问题线索", "Lead");
            }

            var lead = stored.Lead;
            var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
            var latest = await LatestTalkAsync(lead, cancellationToken).ConfigureAwait(false);
            if (!LeadAccess.CanDispose(actor, lead, Talkers(latest)))
            {
                return await kit.RefuseAsync(actor, locale, AuditObject.Lead, lead.Id.Value, lead.Subject, "记录谈后处置", "record dispositions", cancellationToken).ConfigureAwait(false);
            }

            var before = lead.Dispositions.Count;
            IReadOnlyList<Disposition> added;
            try
            {
                var held = await kit.IsHeldAsync(latest, cancellationToken).ConfigureAwait(false);
                added = lead.Dispose(actor.Id, drafts, formId, held, kit.Today, kit.Now);
            }
            catch (DomainRuleException e)
            {
                return DispositionForm(lead, people, formId, values, RecordDesk.Describe(e.Violations, people, locale), locale);
            }

            if (added.Count > 0 && !await kit.Store.SaveLeadAsync(stored, before, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            foreach (var disposition in added)
            {
                await FollowOnAsync(lead, disposition, actor, people, cancellationToken).ConfigureAwait(false);
            }

            return await ShowAsync(actor, locale, lead, people, cancellationToken,
                locale.Pick("谈后处置已记录，后续事项已安排。", "Dispositions recorded; their follow-ons are under way.")).ConfigureAwait(false);
        }

        return ErrorCard.Busy(locale, "该问题线索", "The lead");
    }

    private async Task FollowOnAsync(Lead lead, Disposition d, Person actor, PeopleLookup people, CancellationToken cancellationToken)
    {
        var key = $"disp|{lead.Id.Value}|{d.Number}";
        switch (d.Kind)
        {
            case DispositionKind.WrittenReply or DispositionKind.SelfExamination:
                // 000 §四(四)1 and 4: the talkee writes; the office that decided reviews.
                var kind = d.Kind == DispositionKind.WrittenReply ? CaseTaskKind.WrittenReply : CaseTaskKind.SelfExamination;
                await tasks.OpenAsync(CaseTask.Open(CaseTaskId.For(lead.Id.Value, kind, d.Number), kind, lead.Subject, lead.Subject,
                    [actor.Id, lead.RegisteredBy], d.Note, d.DueDate!.Value, kit.Now), people, cancellationToken).ConfigureAwait(false);
                break;
            case DispositionKind.SecondTalk or DispositionKind.LetterInquiry or DispositionKind.PreliminaryVerification:
                // 000 §四(四)5: the office's own step, by the deadline.
                var step = d.Kind switch
                {
                    DispositionKind.SecondTalk => CaseTaskKind.SecondTalk,
                    DispositionKind.LetterInquiry => CaseTaskKind.LetterInquiry,
                    _ => CaseTaskKind.PreliminaryVerification,
                };
                var owner = LeadAccess.IsOfficeOf(actor, lead) ? actor.Id : lead.RegisteredBy;
                await tasks.OpenAsync(CaseTask.Open(CaseTaskId.For(lead.Id.Value, step, d.Number), step, lead.Subject, owner, [], d.Note,
                    d.DueDate!.Value, kit.Now), people, cancellationToken).ConfigureAwait(false);
                break;
            case DispositionKind.SuggestionAdopted:
                // 000 §四(四)2: 及时将采纳情况告知谈话对象.
                await kit.Messenger.TellAsync(lead.Subject, l => MessageCard(l, l.Pick("建议采纳情况", "Your suggestion"),
                    l.Pick($"您在谈话中提出的建议已被采纳：{d.Note}", $"The suggestion you made in the talk was adopted: {d.Note}")), cancellationToken, key).ConfigureAwait(false);
                break;
            case DispositionKind.ClosedUnfounded:
                // 000 §四(四)3 with 002 §五3: the person is told the matter is closed, never who raised it.
                await kit.Messenger.TellAsync(lead.Subject, l => MessageCard(l, l.Pick("了结澄清", "Matter closed"),
                    l.Pick("经了解，反映的问题不实或没有证据证实，予以了结澄清（000 §四(四)3）。", "The matter was found untrue or unproven and is closed (000 §四(四)3).")),
                    cancellationToken, key).ConfigureAwait(false);
                break;
            case DispositionKind.Admonishment:
                // 000 §四(四)4 → 002 §四1: the proposal form, for whoever may propose.
                var proposer = AdmonishmentRules.MayPropose(actor) ? actor.Id : lead.RegisteredBy;
                await kit.Messenger.TellAsync(proposer, l => admonishments.ProposalForm(lead, people, l), cancellationToken, key).ConfigureAwait(false);
                break;
            default:
                break; // 批评教育 is given in the talk; recording it is all.
        }
    }

    private static AdaptiveCard MessageCard(Locale locale, string title, string text) =>
        ReminderCard.Build(new ReminderView(title, [text]), locale);

    /// <summary>The lead for <paramref name="viewer"/>: the reporter only for the office of its level.</summary>
    public LeadView View(Lead lead, Person viewer, PeopleLookup people, string? subjectUnit, IReadOnlyList<TalkLine> talks, IReadOnlyList<TaskLine> taskLines,
        string? notice = null) => new(
        lead.Id,
        people.Name(lead.Subject),
        subjectUnit,
        lead.Source,
        lead.Category,
        lead.Summary,
        LeadAccess.CanSeeReporter(viewer, lead) ? lead.Reporter : null,
        lead.Status,
        people.Name(lead.RegisteredBy),
        kit.Calendar.ToLocal(lead.RegisteredAt),
        talks,
        [.. lead.Dispositions.Select(d => Line(d, people, kit.Calendar))],
        taskLines,
        CanArrangeTalk: LeadAccess.IsOfficeOf(viewer, lead) && CanAttachTalk(lead),
        Notice: notice);

    /// <summary>What the talkers are told before the talk (002 §五1): the problem, never the reporter (002 §五8).</summary>
    public static LeadView Briefing(Lead lead, PeopleLookup people, Domain.Calendar.WorkingCalendar calendar, string? notice) => new(
        lead.Id, people.Name(lead.Subject), null, lead.Source, lead.Category, lead.Summary, null, lead.Status, people.Name(lead.RegisteredBy),
        calendar.ToLocal(lead.RegisteredAt), [], [.. lead.Dispositions.Select(d => Line(d, people, calendar))], [], Briefing: true, Notice: notice);

    public static DispositionLine Line(Disposition d, PeopleLookup people, Domain.Calendar.WorkingCalendar calendar) =>
        new(d.Kind, d.Note, d.DueDate, people.Name(d.By), calendar.ToLocal(d.At));

    private AdaptiveCard DispositionForm(Lead lead, PeopleLookup people, string formId, IReadOnlyDictionary<string, string?>? values, IReadOnlyList<string>? errors, Locale locale) =>
        DispositionFormCard.Build(new DispositionFormView(lead.Id, formId, people.Name(lead.Subject), lead.Summary, kit.Today.AddDays(1), values, errors), locale);

    private async Task<bool> CanDisposeNowAsync(Person actor, Lead lead, Talk? latest, CancellationToken cancellationToken) =>
        LeadAccess.CanDispose(actor, lead, Talkers(latest)) && lead.Status != LeadStatus.Closed && lead.Talks.Count > 0
        && !lead.Dispositions.Any(d => d.AfterTalk == lead.Talks.Count)
        && await kit.IsHeldAsync(latest, cancellationToken).ConfigureAwait(false);

    private static bool CanAttachTalk(Lead lead) => lead.Status != LeadStatus.Closed
        && (lead.Talks.Count == 0 || lead.Dispositions.Any(d => d.Kind == DispositionKind.SecondTalk && d.AfterTalk == lead.Talks.Count));

    // The latest reminder talk on the lead, read once per request: its talkers are briefed and may decide what follows it.
    private async Task<Talk?> LatestTalkAsync(Lead lead, CancellationToken cancellationToken) =>
        lead.Talks.Count > 0 ? await kit.Talks.GetAsync(lead.Talks[^1], cancellationToken).ConfigureAwait(false) : null;

    private static IReadOnlyCollection<PersonId> Talkers(Talk? talk) => talk?.Talkers ?? [];

    private async Task<CaseId?> CaseOfAsync(Lead lead, CancellationToken cancellationToken)
    {
        var (_, cases, _) = await kit.Store.ListAsync(CaseRepository.PersonPartition(lead.Subject), cancellationToken, Listed.Cases).ConfigureAwait(false);
        return cases.FirstOrDefault(c => c.Lead == lead.Id)?.Id;
    }

    private async Task<StoredLead?> FindAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        LeadId.TryParse(request.Text(DataKeys.LeadId), out var id) ? await kit.Store.GetLeadAsync(id, cancellationToken).ConfigureAwait(false) : null;

    public static string Expired(Locale locale) => locale.Pick("表单已失效，请重新打开。", "This form has expired; please open it again.");
}
