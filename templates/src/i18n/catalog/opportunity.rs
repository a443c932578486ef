//! Strings of the mission and project pages and forms.

catalog! {
    /// Missions and projects: detail pages, pledges, forms.
    Op {
        NewMission => "Publier une mission", "Post a mission";
        NewProject => "Proposer un projet", "Propose a project";
        EditMission => "Modifier la mission", "Edit the mission";
        EditProject => "Modifier le projet", "Edit the project";
        MissionBy => "Mission proposée par", "Mission posted by";
        ProjectBy => "Projet proposé par", "Project proposed by";
        Responsiveness => "Répond à {pct} des marques d’intérêt, en {days} en médiane.", "Answers {pct} of expressions of interest, in {days} (median).";
        ResponsivenessUnknown => "Pas encore assez de réponses pour mesurer la réactivité.", "Not enough answers yet to measure responsiveness.";
        ExpressInterest => "Je suis intéressé·e", "I am interested";
        InterestHint => "Dites en quelques lignes ce que vous pouvez apporter et quand.", "Say in a few lines what you can bring and when.";
        SendInterest => "Envoyer ma marque d’intérêt", "Send my expression of interest";
        InterestSent => "Votre marque d’intérêt a été transmise. Vous serez prévenu·e de la réponse par e-mail.", "Your expression of interest was sent. You will hear back by e-mail.";
        SuggestedExperts => "Experts suggérés", "Suggested experts";
        NoSuggestions => "Aucun expert ne correspond encore. Élargir les compétences ou les dates peut aider.", "No expert fits yet. Broadening the skills or dates may help.";
        Invite => "Inviter", "Invite";
        AwaitingVerificationRanked => "Votre organisation attend la vérification d’un modérateur. Dès qu’elle sera vérifiée, vous verrez ici les experts classés pour cette annonce et pourrez les inviter ; d’ici là, personne n’est contacté.", "Your organisation awaits a moderator’s verification. Once it is verified you will see the experts ranked for this posting here and can invite them; until then nobody is contacted.";
        Invited => "Invitation envoyée.", "Invitation sent.";
        MarkFilled => "Marquer comme pourvu", "Mark as filled";
        FailsHardConstraint => "⚠ Ne remplit pas une condition impérative (dates, langue ou mode) :", "⚠ Fails a hard requirement (dates, language or mode):";
        InviteLimitPosting => "Cet expert a déjà été invité pour cette offre.", "This expert was already invited to this posting.";
        InviteLimitMonth => "Vous avez déjà invité cet expert deux fois ce mois-ci : laissez-lui le temps de répondre.", "You already invited this expert twice this month: give them time to answer.";
        InterestsReceived => "Marques d’intérêt reçues", "Expressions of interest received";
        Funding => "Financement", "Funding";
        PledgesConfirmed => "Promesses confirmées", "Confirmed pledges";
        PledgesPending => "Promesses en attente", "Pending pledges";
        ProgressLabel => "Financement confirmé", "Confirmed funding";
        PledgeTitle => "Soutenir ce projet", "Support this project";
        PledgeHint => "Promettez un montant, des compétences, ou les deux. L’association confirme chaque promesse.", "Pledge an amount, skills, or both. The association confirms each pledge.";
        PledgeButton => "Envoyer ma promesse", "Send my pledge";
        PledgesTitle => "Promesses reçues", "Pledges received";
        Confirmed => "Confirmée", "Confirmed";
        FromDate => "à partir du {date}", "from {date}";
        UntilDate => "jusqu’au {date}", "until {date}";
        MissionFormLead => "Décrivez le besoin : les experts sont proposés d’après les compétences, la langue, les dates et la modalité.", "Describe the need: experts are suggested from the skills, language, dates and mode.";
        ProjectFormLead => "Décrivez le projet du village : les experts originaires de la commune ou de la région sont proposés en premier.", "Describe the village project: experts from the commune or region are suggested first.";
        SkillsHint => "Une compétence par ligne, en français ou en anglais.", "One skill per line, in French or English.";
        SkillSuggestions => "Ajouter une compétence du référentiel", "Add a skill from the vocabulary";
        SaveDraft => "Enregistrer", "Save";
        Choose => "— Choisir —", "— Choose —";
        RemoteRegion => "À distance (aucune région)", "Remote (no region)";
    }
}
