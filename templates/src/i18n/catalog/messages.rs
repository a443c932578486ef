//! Strings the app needs outside the page bodies: flash messages, validation errors, match reasons.

catalog! {
    /// Flash messages shown once after an action (pass `t(lang, Note::…)` as `Flash::text`).
    Note {
        SignedIn => "Vous êtes connecté·e.", "You are signed in.";
        SignedOut => "Vous êtes déconnecté·e.", "You are signed out.";
        LoginFailed => "Adresse e-mail ou mot de passe incorrect.", "Wrong e-mail address or password.";
        AccountCreated => "Compte créé. Confirmez votre adresse e-mail pour continuer.", "Account created. Confirm your e-mail address to continue.";
        CheckMailbox => "Nous vous avons envoyé un e-mail : suivez son lien pour activer votre compte et continuer. Rien reçu ? Vérifiez les indésirables ou réessayez dans quelques minutes.", "We sent you an e-mail: follow its link to activate your account and go on. Nothing came? Check your spam folder or try again in a few minutes.";
        EmailConfirmed => "Adresse e-mail confirmée, bienvenue !", "E-mail address confirmed, welcome!";
        LinkInvalid => "Ce lien n’est plus valable. Demandez-en un nouveau.", "This link is no longer valid. Ask for a new one.";
        VerificationResent => "Un nouveau lien de confirmation a été envoyé.", "A new confirmation link was sent.";
        PasswordChanged => "Mot de passe modifié.", "Password changed.";
        EmailChangeSent => "Un lien de confirmation a été envoyé à la nouvelle adresse.", "A confirmation link was sent to the new address.";
        NotificationsSaved => "Préférences de notification enregistrées.", "Notification preferences saved.";
        AccountDeleted => "Votre compte et vos données ont été supprimés.", "Your account and your data were deleted.";
        LanguageChanged => "Langue modifiée.", "Language changed.";
        ProfileSaved => "Profil enregistré.", "Profile saved.";
        OrganisationSaved => "Organisation enregistrée. Un modérateur va la vérifier.", "Organisation saved. A moderator will verify it.";
        Saved => "Modifications enregistrées.", "Changes saved.";
        Published => "Publication en ligne.", "Now published.";
        Closed => "Clôture enregistrée.", "Closed.";
        InterestSent => "Marque d’intérêt envoyée.", "Expression of interest sent.";
        InvitationSent => "Invitation envoyée.", "Invitation sent.";
        ConnectionAccepted => "Mise en relation acceptée : les coordonnées sont maintenant partagées.", "Connection accepted: contact details are now shared.";
        ConnectionDeclined => "Mise en relation refusée.", "Connection declined.";
        PledgeSent => "Promesse envoyée à l’association.", "Pledge sent to the association.";
        PledgeConfirmed => "Promesse confirmée.", "Pledge confirmed.";
        ReportSent => "Compte rendu enregistré, merci.", "Report saved, thank you.";
        OrgVerified => "Organisation vérifiée.", "Organisation verified.";
        OrgRejected => "Organisation rejetée.", "Organisation rejected.";
        Unsubscribed => "Vous ne recevrez plus d’e-mails de suggestions ni de résumés.", "You will no longer receive suggestion or digest e-mails.";
        ContentReported => "Signalement transmis aux modérateurs, merci.", "Report sent to the moderators, thank you.";
        ContentHidden => "Contenu masqué.", "Content hidden.";
        ContentRestored => "Contenu rétabli.", "Content restored.";
        EmailRequeued => "E-mail remis en file d’envoi.", "E-mail queued again.";
        FormErrors => "Le formulaire contient des erreurs.", "The form has errors.";
        AlreadyInterested => "Vous avez déjà marqué votre intérêt pour cette offre.", "You have already expressed interest in this posting.";
        AlreadyAnswered => "Cette mise en relation a déjà reçu une réponse.", "This connection was already answered.";
        ReportAlreadySent => "Vous avez déjà envoyé votre compte rendu pour cette mission.", "You have already sent your report for this mission.";
        ReportNotDue => "Le compte rendu est possible une fois la mise en relation acceptée.", "A report can be written once the connection is accepted.";
        ProfileFirst => "Créez d’abord votre profil d’expert.", "Create your expert profile first.";
    }
}

catalog! {
    /// Field-level validation messages (pass `t(lang, V::…)`, filled where needed, in `FieldErrors`).
    V {
        Required => "Ce champ est obligatoire.", "This field is required.";
        TooLong => "{max} caractères au plus.", "At most {max} characters.";
        InvalidEmail => "Adresse e-mail invalide.", "Invalid e-mail address.";
        OrgNameTaken => "Une organisation porte déjà ce nom.", "An organisation already has this name.";
        EmailTaken => "Un compte existe déjà avec cette adresse.", "An account already uses this address.";
        PasswordTooShort => "Le mot de passe doit faire au moins 12 caractères.", "The password must be at least 12 characters long.";
        PasswordsDiffer => "Les deux mots de passe ne sont pas identiques.", "The two passwords differ.";
        WrongPassword => "Mot de passe incorrect.", "Wrong password.";
        InvalidDate => "Date invalide (format AAAA-MM-JJ).", "Invalid date (format YYYY-MM-DD).";
        EndBeforeStart => "La fin doit suivre le début.", "The end must come after the start.";
        IncompleteWindow => "Indiquez le début et la fin.", "Give both the start and the end.";
        NotANumber => "Entrez un nombre entier positif.", "Enter a positive whole number.";
        AmountOrSkills => "Indiquez un montant, des compétences, ou les deux.", "Give an amount, skills, or both.";
        FundingOverBudget => "Le financement recherché ne peut dépasser le budget.", "Funding sought cannot exceed the budget.";
        InvalidUrl => "Adresse web invalide (elle doit commencer par https://).", "Invalid web address (it must start with https://).";
        UnknownRegion => "Région inconnue.", "Unknown region.";
        UnknownLanguage => "Code de langue inconnu : {code}.", "Unknown language code: {code}.";
        UnknownCountry => "Code de pays inconnu (deux lettres, par exemple FR).", "Unknown country code (two letters, e.g. FR).";
        ChooseOne => "Choisissez une option.", "Choose an option.";
        NoSkills => "Indiquez au moins une compétence.", "Give at least one skill.";
        ConfirmDeletion => "Cochez la case pour confirmer.", "Tick the box to confirm.";
    }
}

catalog! {
    /// Sentences explaining a match, for `reasons` lists (fill the placeholders).
    Why {
        SharedSkills => "Compétences en commun : {skills}.", "Shared skills: {skills}.";
        RelatedSkill => "« {expert_skill} » correspond à « {wanted} ».", "“{expert_skill}” matches “{wanted}”.";
        Discipline => "Discipline : {discipline}.", "Discipline: {discipline}.";
        SpeaksLanguage => "Parle {language}, la langue demandée.", "Speaks {language}, the language required.";
        Available => "Disponible {dates}.", "Available {dates}.";
        HomeCommune => "Originaire de {commune}, où se déroule le projet.", "From {commune}, where the project takes place.";
        HomeRegion => "Originaire de la région de {region}.", "From the {region} region.";
        AcceptsRemote => "Accepte les missions à distance.", "Accepts remote missions.";
        AcceptsOnsite => "Peut se déplacer au Mali.", "Can travel to Mali.";
        OffersFunding => "Propose un soutien financier.", "Offers financial support.";
        OffersTeaching => "Souhaite enseigner.", "Wants to teach.";
        PastMissionOne => "A déjà accompli {n} mission.", "Has already completed {n} mission.";
        PastMissionsMany => "A déjà accompli {n} missions.", "Has already completed {n} missions.";
    }
}
