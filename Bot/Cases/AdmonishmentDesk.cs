using TalkBot.Bot.Handlers;
using TalkBot.Bot.Scheduling;
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
/// Admonishment talks (诫勉谈话, 002): proposal, approval by the authority for the person's rank, the talk, the written
/// self-examination, the follow-up checks, repeat talks, and a cadre's own request.
/// </summary>
public sealed class AdmonishmentDesk(CaseKit kit, CreateTalkForm talkForm, TaskDesk tasks, ScheduleStore schedule)
{
    /// <summary>The office "of that level" for a case: who proposed it, their colleagues, and for a cadre's request any discipline office.</summary>
    public static bool IsOfficeOf(Person person, AdmonishmentCase c)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(c);
        return AdmonishmentRules.MayPropose(person) && person.Id != c.Subject
            && (person.UnitId == c.OfficeUnit || person.Id == c.ProposedBy || (c.Status == CaseStatus.Requested && person.Has(Role.DisciplineOffice)));
    }

    /// <summary>The proposal form for an admonishment decided after a reminder talk (000 §四(四)4).</summary>
    public AdaptiveCard ProposalForm(Lead lead, PeopleLookup people, Locale locale) =>
        ProposalFormCard.Build(new ProposalFormView(CaseId.New(kit.Time).Value, [], [], people.Name(lead.Subject), lead.Subject, LeadId: lead.Id), locale);

    /// <summary>
    /// 提出诫勉建议: the proposal form, empty, or for a lead's subject (leadId), a cadre's request (caseId) or a repeat
    /// talk on the same problem (earlierCases).
    /// </summary>
    public async Task<AdaptiveCard> NewAsync(Person actor, Locale locale, CardActionRequest? request, CancellationToken cancellationToken)
    {
        if (!AdmonishmentRules.MayPropose(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("提出诫勉谈话建议", "propose admonishment talks"));
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        if (request?.Text(DataKeys.LeadId) is { } leadText)
        {
            return LeadId.TryParse(leadText, out var leadId) && await kit.Store.GetLeadAsync(leadId, cancellationToken).ConfigureAwait(false) is { } lead
                && LeadAccess.IsOfficeOf(actor, lead.Lead)
                ? ProposalForm(lead.Lead, people, locale)
                : CaseKit.NotFound(locale, "问题线索", "Lead");
        }

        if (request?.Text(DataKeys.CaseId) is { } requestText)
        {
            return CaseId.TryParse(requestText, out var requestId) && await kit.Store.GetCaseAsync(requestId, cancellationToken).ConfigureAwait(false) is { } asked
                && asked.Case.Status == CaseStatus.Requested && IsOfficeOf(actor, asked.Case)
                ? await FormAsync(actor, locale, people, Guid.NewGuid().ToString("N"), asked.Case.Subject, asked.Case, null, null, null, cancellationToken).ConfigureAwait(false)
                : CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
        }

        if (request?.Text(DataKeys.EarlierCases) is { } earlierText)
        {
            // 002 §五5: another talk on the same problem links to the case it repeats.
            return CaseId.TryParse(earlierText, out var earlierId) && await kit.Store.GetCaseAsync(earlierId, cancellationToken).ConfigureAwait(false) is { } earlier
                && IsOfficeOf(actor, earlier.Case)
                ? await FormAsync(actor, locale, people, CaseId.New(kit.Time).Value, earlier.Case.Subject, null, null,
                    new Dictionary<string, string?> { [CaseFields.Earlier] = earlier.Case.Id.Value, [CaseFields.Situation] = earlier.Case.Situation?.ToString() }, null,
                    cancellationToken).ConfigureAwait(false)
                : CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
        }

        return await FormAsync(actor, locale, people, CaseId.New(kit.Time).Value, null, null, null, null, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> FormAsync(Person actor, Locale locale, PeopleLookup people, string formId, PersonId? subject, AdmonishmentCase? request,
        LeadId? lead, IReadOnlyDictionary<string, string?>? values, IReadOnlyList<string>? errors, CancellationToken cancellationToken)
    {
        var earlier = new List<CaseChoice>();
        if (subject is { } s)
        {
            var (_, cases, _) = await kit.Store.ListAsync(CaseRepository.PersonPartition(s), cancellationToken, Listed.Cases).ConfigureAwait(false);
            earlier.AddRange(cases.Where(c => c.Id != request?.Id && c.Status != CaseStatus.Requested).OrderBy(c => c.OpenedAt).Select(c => new CaseChoice(c.Id,
                $"{DateText.Date(kit.Calendar.LocalDate(c.OpenedAt), locale)} {(c.Situation is { } sit ? Labels.Of(sit, locale) : "")} {Labels.Of(c.Status, locale)}".Trim())));
        }

        return ProposalFormCard.Build(new ProposalFormView(
            formId,
            subject is null ? [.. people.All.Where(p => p.Active && p.Id != actor.Id).Select(p => CaseKit.Choice(p, locale))] : [],
            earlier,
            subject is { } fixedSubject ? people.Name(fixedSubject) : null,
            subject,
            request?.Id,
            lead,
            request?.Request,
            values,
            errors), locale);
    }

    /// <summary>
    /// Submits a proposal (002 §四1): a new case (its id is the form's), or a cadre's request completed. The approvers for
    /// the person's rank (002 §四2) get the approval card.
    /// </summary>
    public async Task<AdaptiveCard> ProposeAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (!AdmonishmentRules.MayPropose(actor))
        {
            return RefusalCard.Build(locale, locale.Pick("提出诫勉谈话建议", "propose admonishment talks"));
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var values = request.Values(CaseFields.Subject, CaseFields.Situation, CaseFields.Facts, CaseFields.MinorViolation, CaseFields.Origin,
            CaseFields.ForUnit, CaseFields.Earlier);
        LeadId? leadId = LeadId.TryParse(request.Text(DataKeys.LeadId), out var l) ? l : null;
        var draft = new ProposalDraft(
            Enum.TryParse<AdmonishmentSituation>(request.Text(CaseFields.Situation), out var situation) && Enum.IsDefined(situation) ? situation : null,
            request.Text(CaseFields.Facts),
            request.Text(CaseFields.MinorViolation) == "true",
            Enum.TryParse<AdmonishmentOrigin>(request.Text(CaseFields.Origin), out var origin) && Enum.IsDefined(origin) ? origin : null,
            request.Text(CaseFields.ForUnit) == "true",
            leadId,
            [.. (request.Text(CaseFields.Earlier) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(e => CaseId.TryParse(e, out var c) ? c : default).Where(c => c.Value is not null)]);

        // Completing a cadre's own request (002 §五4).
        if (CaseId.TryParse(request.Text(DataKeys.CaseId), out var requested))
        {
            return await CompleteRequestAsync(request, requested, draft, values, people, cancellationToken).ConfigureAwait(false);
        }

        if (!CaseId.TryParse(request.Text(DataKeys.FormId), out var id))
        {
            return await FormAsync(actor, locale, people, CaseId.New(kit.Time).Value, null, null, leadId, values, [LeadDesk.Expired(locale)], cancellationToken).ConfigureAwait(false);
        }

        if (await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return await CardForAsync(actor, existing.Case, people, locale, cancellationToken).ConfigureAwait(false);
        }

        var subject = request.Text(CaseFields.Subject) is { Length: > 0 } s ? people.Find(new PersonId(s)) : null;
        var problems = await CheckLinksAsync(actor, subject?.Id, draft, cancellationToken).ConfigureAwait(false);
        AdmonishmentCase c;
        try
        {
            if (problems.Count > 0)
            {
                throw new DomainRuleException(problems);
            }

            c = AdmonishmentCase.Propose(id, draft, actor, subject, kit.Now);
        }
        catch (DomainRuleException e)
        {
            return await FormAsync(actor, locale, people, id.Value, leadId is null ? null : subject?.Id, null, leadId, values,
                RecordDesk.Describe(e.Violations, people, locale), cancellationToken).ConfigureAwait(false);
        }

        if (!await kit.Store.CreateCaseAsync(c, cancellationToken).ConfigureAwait(false))
        {
            return await CardForAsync(actor, (await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false))!.Case, people, locale, cancellationToken).ConfigureAwait(false);
        }

        return await SendForApprovalAsync(actor, c, people, locale, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdaptiveCard> CompleteRequestAsync(CardActionRequest request, CaseId id, ProposalDraft draft, IReadOnlyDictionary<string, string?> values,
        PeopleLookup people, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored || !IsOfficeOf(actor, stored.Case))
            {
                return CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
            }

            var c = stored.Case;
            bool changed;
            try
            {
                var problems = await CheckLinksAsync(actor, c.Subject, draft, cancellationToken).ConfigureAwait(false);
                changed = problems.Count > 0
                    ? throw new DomainRuleException(problems)
                    : c.CompleteRequest(draft, actor, people.Find(c.Subject)?.Rank ?? c.SubjectRank, kit.Now);
            }
            catch (DomainRuleException e)
            {
                return await FormAsync(actor, locale, people, request.Text(DataKeys.FormId) ?? Guid.NewGuid().ToString("N"), c.Subject, c, null, values,
                    RecordDesk.Describe(e.Violations, people, locale), cancellationToken).ConfigureAwait(false);
            }

            if (!changed)
            {
                return await CardForAsync(actor, c, people, locale, cancellationToken).ConfigureAwait(false);
            }

            if (await kit.Store.SaveCaseAsync(stored, c.Checks.Count, cancellationToken).ConfigureAwait(false))
            {
                await kit.Store.IndexCaseAsync(c, cancellationToken).ConfigureAwait(false);
                return await SendForApprovalAsync(actor, c, people, locale, cancellationToken).ConfigureAwait(false);
            }
        }

        return ErrorCard.Busy(locale, "该诫勉谈话", "The admonishment");
    }

    // The lead named must be the office's and about the same person; earlier cases must be about the same person.
    private async Task<List<RuleViolation>> CheckLinksAsync(Person actor, PersonId? subject, ProposalDraft draft, CancellationToken cancellationToken)
    {
        var problems = new List<RuleViolation>();
        if (draft.Lead is { } leadId && (await kit.Store.GetLeadAsync(leadId, cancellationToken).ConfigureAwait(false) is not { } lead
            || lead.Lead.Subject != subject || !LeadAccess.IsOfficeOf(actor, lead.Lead)))
        {
            problems.Add(new RuleViolation(RuleCode.LinkNotSamePerson, RuleSources.AdmonishmentRepeat));
        }

        foreach (var earlier in draft.Earlier ?? [])
        {
            if (await kit.Store.GetCaseAsync(earlier, cancellationToken).ConfigureAwait(false) is not { } e || e.Case.Subject != subject)
            {
                problems.Add(new RuleViolation(RuleCode.LinkNotSamePerson, RuleSources.AdmonishmentRepeat));
                break;
            }
        }

        return problems;
    }

    private async Task<AdaptiveCard> SendForApprovalAsync(Person actor, AdmonishmentCase c, PeopleLookup people, Locale locale, CancellationToken cancellationToken)
    {
        var approvers = Approvers(c, people);
        await kit.Store.IndexForApproversAsync(c, approvers, cancellationToken).ConfigureAwait(false);
        await kit.Messenger.TellEachAsync(approvers, (_, l) => CaseCard.Build(View(c, people, CaseCardMode.Decide,
            l.Pick("请审批这项诫勉谈话建议（002 §四2）。", "Please decide on this admonishment proposal (002 §四2).")), l),
            cancellationToken, "approve|" + c.Id.Value).ConfigureAwait(false);
        var notice = approvers.Count > 0
            ? locale.Pick($"已报送审批：{CardParts.Names(approvers.Select(people.Name), locale)}。", $"Sent for approval to {CardParts.Names(approvers.Select(people.Name), locale)}.")
            : locale.Pick("尚无有权审批此职级的人员，请管理员在“角色管理”中指定（002 §四2）。", "Nobody holds the authority to approve for this rank yet; an administrator assigns it in Roles (002 §四2).");
        return CaseCard.Build(View(c, people, CaseCardMode.View, notice), locale);
    }

    /// <summary>002 §四2: the people holding the authority for the subject's rank.</summary>
    public static IReadOnlyList<PersonId> Approvers(AdmonishmentCase c, PeopleLookup people) =>
        [.. people.All.Where(p => AdmonishmentRules.MayApprove(p, c.SubjectRank, c.Subject) && p.Id != c.ProposedBy).Select(p => p.Id)];

    public async Task<AdaptiveCard> ShowAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseKit.NotFound(request.Locale, "诫勉谈话", "Admonishment");
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        return await CardForAsync(request.Actor, stored.Case, people, request.Locale, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The case for <paramref name="viewer"/>: its office and the organisation department, the approvers for the rank, and
    /// the talkers of its talks. The person it is about is refused: they get the notice, the record and their tasks.
    /// </summary>
    private async Task<AdaptiveCard> CardForAsync(Person viewer, AdmonishmentCase c, PeopleLookup people, Locale locale, CancellationToken cancellationToken,
        string? notice = null, IReadOnlyList<string>? errors = null, IReadOnlyDictionary<string, string?>? values = null)
    {
        var office = IsOfficeOf(viewer, c);
        var approver = AdmonishmentRules.MayApprove(viewer, c.SubjectRank, c.Subject) && viewer.Id != c.ProposedBy;
        var talker = false;
        foreach (var id in c.Talks)
        {
            talker |= await kit.Talks.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } t && t.IsTalker(viewer.Id) && viewer.Id != c.Subject;
        }

        if (!office && !approver && !talker)
        {
            return await kit.RefuseAsync(viewer, locale, AuditObject.Admonishment, c.Id.Value, c.Subject, "查看这项诫勉谈话", "view this admonishment", cancellationToken).ConfigureAwait(false);
        }

        await kit.AuditAsync(viewer, AuditAction.View, AuditObject.Admonishment, c.Id.Value, c.Subject, cancellationToken).ConfigureAwait(false);
        var mode = approver && c.Status == CaseStatus.Proposed ? CaseCardMode.Decide
            : office && c.Status == CaseStatus.Requested ? CaseCardMode.CompleteRequest
            : office && c.Status == CaseStatus.Approved ? CaseCardMode.Arrange
            : office && c.Status == CaseStatus.FollowUp ? CaseCardMode.FollowUp
            : CaseCardMode.View;
        var talks = await kit.TalkLinesAsync(c.Talks, people, cancellationToken).ConfigureAwait(false);
        var taskLines = (await kit.Store.ListTasksAsync(c.Id.Value, cancellationToken).ConfigureAwait(false)).Select(t => kit.Line(t, people)).ToList();
        return CaseCard.Build(View(c, people, mode, notice, talks, taskLines, errors, values), locale);
    }

    public CaseView View(AdmonishmentCase c, PeopleLookup people, CaseCardMode mode, string? notice = null, IReadOnlyList<TalkLine>? talks = null,
        IReadOnlyList<TaskLine>? taskLines = null, IReadOnlyList<string>? errors = null, IReadOnlyDictionary<string, string?>? values = null) => new(
        c.Id, people.Name(c.Subject), c.SubjectRank, c.Status, c.Situation, c.Facts, c.MinorViolation, c.ForUnit, c.Origin, c.Request,
        c.ProposedBy is { } by ? people.Name(by) : null,
        c.ProposedAt is { } at ? kit.Calendar.ToLocal(at) : null,
        AdmonishmentRules.ApproverRoles(c.SubjectRank),
        c.Decision is { } d ? d with { At = kit.Calendar.ToLocal(d.At) } : null,
        c.Decision is { } decided ? people.Name(decided.Approver) : null,
        talks ?? [],
        taskLines ?? [],
        kit.CheckLines(c, people),
        c.NextCheck,
        [.. c.Earlier.Select(e => new CaseChoice(e, e.Value[..8]))],
        c.Lead,
        mode,
        mode == CaseCardMode.FollowUp ? Guid.NewGuid().ToString("N") : null,
        notice,
        values,
        errors);

    /// <summary>
    /// 批准 / 不批准 (002 §四2). Someone without the authority for the person's rank is refused, and the attempt is written
    /// to the audit log. The proposer (and the office) hear the decision; an approved case comes back to arrange the talk.
    /// </summary>
    public async Task<AdaptiveCard> DecideAsync(CardActionRequest request, bool approve, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
            }

            var c = stored.Case;
            var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
            bool changed;
            try
            {
                changed = c.Decide(actor, approve, request.Text(CaseFields.ApprovalComment), kit.Now);
            }
            catch (DomainRuleException e) when (e.Violations.Any(v => v.Code is RuleCode.NotAuthorisedForRank or RuleCode.ProposerCannotApprove))
            {
                await kit.AuditAsync(actor, AuditAction.ApprovalRefused, AuditObject.Admonishment, c.Id.Value, c.Subject, cancellationToken).ConfigureAwait(false);
                return RuleViolationCard.Build(e.Violations, locale);
            }
            catch (DomainRuleException e)
            {
                return CaseCard.Build(View(c, people, c.Status == CaseStatus.Proposed ? CaseCardMode.Decide : CaseCardMode.View, null, null, null,
                    RecordDesk.Describe(e.Violations, people, locale), request.Values(CaseFields.ApprovalComment)), locale);
            }

            if (changed && !await kit.Store.SaveCaseAsync(stored, c.Checks.Count, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed && c.ProposedBy is { } proposer)
            {
                await kit.Messenger.TellAsync(proposer, l => CaseCard.Build(View(c, people, approve ? CaseCardMode.Arrange : CaseCardMode.View, approve
                    ? l.Pick($"{people.Name(actor.Id)}已批准，请安排诫勉谈话。", $"{people.Name(actor.Id)} approved; please arrange the talk.")
                    : l.Pick($"{people.Name(actor.Id)}未批准：{c.Decision!.Comment}", $"{people.Name(actor.Id)} did not approve: {c.Decision!.Comment}")), l),
                    cancellationToken, "decided|" + c.Id.Value).ConfigureAwait(false);
            }

            return CaseCard.Build(View(c, people, CaseCardMode.View, approve
                ? locale.Pick("已批准。", "Approved.") : locale.Pick("已不予批准。", "Not approved.")), locale);
        }

        return ErrorCard.Busy(locale, "该诫勉谈话", "The admonishment");
    }

    /// <summary>安排诫勉谈话: the create-talk form for the approved case (002 §四3 is checked on submit).</summary>
    public async Task<AdaptiveCard> ArrangeTalkAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
        }

        if (!IsOfficeOf(actor, stored.Case))
        {
            return RefusalCard.Build(locale, locale.Pick("安排这次诫勉谈话", "arrange this admonishment talk"));
        }

        if (stored.Case.Status is not (CaseStatus.Approved or CaseStatus.FollowUp))
        {
            return RuleViolationCard.Build([new RuleViolation(RuleCode.NotApproved, RuleSources.AdmonishmentApproval,
                Arguments: new Dictionary<string, string> { ["state"] = stored.Case.Status.ToString() })], locale);
        }

        return await talkForm.BuildAsync(actor, locale, null, null, null, cancellationToken, CaseTalks.ForCase(stored.Case, locale)).ConfigureAwait(false);
    }

    /// <summary>Records a follow-up check (002 §四5); when not corrected, the next check is scheduled.</summary>
    public async Task<AdaptiveCard> FollowUpAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        var formId = request.FormId;
        var values = request.Values(CaseFields.Outcome, CaseFields.FollowUpNote, CaseFields.NextCheck);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await FindAsync(request, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return CaseKit.NotFound(locale, "诫勉谈话", "Admonishment");
            }

            var c = stored.Case;
            var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
            if (!IsOfficeOf(actor, c))
            {
                return RefusalCard.Build(locale, locale.Pick("记录诫勉后的跟踪了解情况", "record follow-up checks"));
            }

            var before = c.Checks.Count;
            bool changed;
            try
            {
                var outcome = Enum.TryParse<FollowUpOutcome>(request.Text(CaseFields.Outcome), out var o) && Enum.IsDefined(o) ? o
                    : throw new DomainRuleException(RuleViolation.Required(CaseFields.Outcome, RuleSources.AdmonishmentFollowUp));
                var next = request.Date(CaseFields.NextCheck);
                changed = c.RecordFollowUp(actor, outcome, request.Text(CaseFields.FollowUpNote), next, formId, kit.Today, kit.Now);
            }
            catch (DomainRuleException e)
            {
                return await CardForAsync(actor, c, people, locale, cancellationToken, null, RecordDesk.Describe(e.Violations, people, locale), values).ConfigureAwait(false);
            }

            if (changed && !await kit.Store.SaveCaseAsync(stored, before, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (changed && c.NextCheck is { } again)
            {
                await PlanFollowUpAsync(c, again, cancellationToken).ConfigureAwait(false);
            }

            return await CardForAsync(actor, c, people, locale, cancellationToken, locale.Pick("跟踪了解情况已记录。", "Follow-up recorded.")).ConfigureAwait(false);
        }

        return ErrorCard.Busy(locale, "该诫勉谈话", "The admonishment");
    }

    /// <summary>
    /// The admonishment talk was recorded (its 诫勉谈话教育情况表 logged): the follow-up check is scheduled (002 §四5) and,
    /// with a minor violation, the written self-examination or the unit's collective analysis is asked for (002 §四4).
    /// </summary>
    public async Task OnTalkHeldAsync(CaseId id, Talk talk, PeopleLookup people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        for (var attempt = 1; attempt <= CaseKit.MaxAttempts; attempt++)
        {
            if (await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored || stored.Case.Status != CaseStatus.TalkArranged)
            {
                return;
            }

            var c = stored.Case;
            var heldOn = kit.Calendar.LocalDate(talk.ScheduledAt);
            c.MarkTalkHeld(heldOn, kit.Options.FollowUpDays);
            if (!await kit.Store.SaveCaseAsync(stored, c.Checks.Count, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await PlanFollowUpAsync(c, c.NextCheck!.Value, cancellationToken).ConfigureAwait(false);
            if (c.RequiresWrittenMaterial)
            {
                var kind = c.ForUnit ? CaseTaskKind.CollectiveAnalysis : CaseTaskKind.SelfExamination;
                var reviewers = new List<PersonId> { talk.LeadTalker };
                if (c.ProposedBy is { } proposer)
                {
                    reviewers.Add(proposer);
                }

                var due = kit.Calendar.AddWorkingDays(kit.Today, kit.Options.WrittenMaterialWorkingDays);
                await tasks.OpenAsync(CaseTask.Open(CaseTaskId.For(c.Id.Value, kind, c.Talks.Count), kind, c.Subject, c.Subject, reviewers,
                    null, due, kit.Now), people, cancellationToken).ConfigureAwait(false);
            }

            return;
        }
    }

    private Task PlanFollowUpAsync(AdmonishmentCase c, DateOnly on, CancellationToken cancellationToken) =>
        schedule.AddAsync(new ScheduleEntry(ReminderKind.CaseFollowUp, new TalkId(c.Id.Value), null,
            kit.Rules.NextWorkingMoment(kit.Calendar.ToInstant(on, kit.Rules.Policy.WorkingHoursStart)),
            Tag: on.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);

    /// <summary>申请谈话: a cadre's own request for an admonishment talk (002 §五4).</summary>
    public static AdaptiveCard RequestForm(Locale locale, string? formId = null, string? reason = null, IReadOnlyList<string>? errors = null) =>
        SelfRequestCard.Build(new SelfRequestView(formId ?? Guid.NewGuid().ToString("N"), false, reason, errors), locale);

    /// <summary>Stores the request (its id is the form's) and tells the discipline office of the cadre's unit.</summary>
    public async Task<AdaptiveCard> RequestAsync(CardActionRequest request, CancellationToken cancellationToken)
    {
        var (actor, locale) = (request.Actor, request.Locale);
        var reason = request.Text(CaseFields.Request);
        if (!CaseId.TryParse(request.Text(DataKeys.FormId), out var id))
        {
            return RequestForm(locale, null, reason, [LeadDesk.Expired(locale)]);
        }

        if (await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing.Case.Subject == actor.Id
                ? SelfRequestCard.Build(new SelfRequestView(id.Value, true, existing.Case.Request), locale)
                : CaseKit.NotFound(locale, "申请", "Request");
        }

        var people = await kit.PeopleAsync(cancellationToken).ConfigureAwait(false);
        AdmonishmentCase c;
        try
        {
            c = AdmonishmentCase.RequestedBy(id, actor, reason, kit.Now);
        }
        catch (DomainRuleException e)
        {
            return RequestForm(locale, id.Value, reason, RecordDesk.Describe(e.Violations, people, locale));
        }

        if (await kit.Store.CreateCaseAsync(c, cancellationToken).ConfigureAwait(false))
        {
            await kit.Messenger.TellEachAsync(CaseKit.OfficeOf(actor.UnitId, people).Where(p => p != actor.Id), (_, l) => CaseCard.Build(View(c, people,
                CaseCardMode.CompleteRequest, l.Pick($"{actor.DisplayName}主动申请接受诫勉谈话教育（002 §五4）。", $"{actor.DisplayName} asks for an admonishment talk (002 §五4).")), l),
                cancellationToken, "request|" + c.Id.Value).ConfigureAwait(false);
        }

        return SelfRequestCard.Build(new SelfRequestView(id.Value, true, c.Request), locale);
    }

    private async Task<StoredCase?> FindAsync(CardActionRequest request, CancellationToken cancellationToken) =>
        CaseId.TryParse(request.Text(DataKeys.CaseId), out var id) ? await kit.Store.GetCaseAsync(id, cancellationToken).ConfigureAwait(false) : null;
}
