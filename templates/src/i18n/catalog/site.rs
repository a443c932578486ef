//! Strings of the home, about, moderation and error pages.

catalog! {
    /// Home and about pages.
    Site {
        DemoAccounts => "Comptes de démonstration", "Demo accounts";
        DemoAccountsLead => "Cette instance tourne avec des données de démonstration. Connectez-vous avec l’un de ces comptes pour essayer chaque rôle :", "This instance runs on demo data. Log in with one of these accounts to try each role:";
        DemoPassword => "mot de passe", "password";
        HomeTitle => "Passerelle : la diaspora malienne au service du pays", "Passerelle: Mali’s diaspora at work at home";
        HomeLead => "Les universités et instituts du Mali publient des missions d’enseignement et de recherche, les associations de ressortissants proposent des projets pour leurs villages ; Passerelle leur présente les experts de la diaspora qui peuvent y répondre, et explique pourquoi.", "Mali’s universities and institutes post teaching and research missions, hometown associations propose village projects; Passerelle introduces the diaspora experts who can take them on, and explains why.";
        HomeFigures => "Passerelle en chiffres", "Passerelle in figures";
        ExpertsOne => "expert inscrit", "registered expert";
        ExpertsMany => "experts inscrits", "registered experts";
        MissionsOne => "mission publiée", "published mission";
        MissionsMany => "missions publiées", "published missions";
        ProjectsOne => "projet publié", "published project";
        ProjectsMany => "projets publiés", "published projects";
        ConnectionsOne => "mise en relation", "connection made";
        ConnectionsMany => "mises en relation", "connections made";
        CtaExpert => "Je suis expert·e de la diaspora", "I am a diaspora expert";
        CtaOrganisation => "J’inscris mon université ou mon association", "Register my university or association";
        HowItWorks => "Comment ça marche", "How it works";
        Step1 => "Les experts décrivent leurs compétences, leurs langues, leur région d’origine et leurs disponibilités.", "Experts describe their skills, languages, home region and availability.";
        Step2 => "Les universités, instituts et associations vérifiés publient leurs besoins.", "Verified universities, institutes and associations post their needs.";
        Step3 => "Passerelle propose les meilleures correspondances dans les deux sens, avec leurs raisons, et prévient chacun par e-mail.", "Passerelle suggests the best matches both ways, with their reasons, and tells everyone by e-mail.";
        LatestMissions => "Dernières missions", "Latest missions";
        LatestProjects => "Derniers projets", "Latest projects";
        AllMissions => "Toutes les missions", "All missions";
        AllProjects => "Tous les projets", "All projects";
        AboutTitle => "À propos de Passerelle", "About Passerelle";
        AboutLead => "Passerelle numérise ce que font à la main le programme TOKTEN (des universitaires de la diaspora enseignent lors de courtes missions au Mali), le codéveloppement (les associations de ressortissants financent et accompagnent des projets villageois) et le Centre d’information et de gestion des migrations.", "Passerelle digitises what TOKTEN (diaspora academics teach short missions in Mali), co-development schemes (hometown associations fund and support village projects) and the migration information and management centre do by hand.";
        AboutMatching => "Le moteur de correspondance compare les compétences en français et en anglais, respecte les dates, la langue et la modalité, et explique chaque proposition.", "The matching engine compares skills in French and English, respects dates, language and mode, and explains every suggestion.";
        AboutPrivacy => "Les coordonnées des experts ne sont jamais publiques : elles ne sont transmises qu’après acceptation d’une mise en relation. Chacun peut télécharger ou supprimer ses données.", "Experts’ contact details are never public: they are shared only once a connection is accepted. Everyone can download or delete their data.";
        AboutOperator => "Cette instance est gérée par :", "This instance is run by:";
        SourcesTitle => "Sources des données et attributions", "Data sources and attributions";
        Licence => "Licence :", "Licence:";
        SourceEsco => "Ce service utilise la classification ESCO de la Commission européenne (https://esco.ec.europa.eu/), v1.1.1, © Union européenne. Données modifiées : réduites et fusionnées en notices français–anglais.", "This service uses the ESCO classification of the European Commission (https://esco.ec.europa.eu/), v1.1.1, © European Union. Data modified: trimmed and merged into French–English records.";
        SourceEscoModified => "les libellés français proviennent des versions 1.1.1 et 1.0.", "French labels come from versions 1.1.1 and 1.0.";
        SourceBoundaries => "Limites administratives : Who’s On First (https://whosonfirst.org/), dérivées des limites administratives du Mali établies par la DNCT / DNP et l’OCHA des Nations unies (HDX COD-AB), CC BY 4.0.", "Boundaries: Who’s On First (https://whosonfirst.org/), derived from the administrative boundaries of Mali by DNCT / DNP and UN OCHA (HDX COD-AB), CC BY 4.0.";
        WofLicence => "licence de Who’s On First", "Who’s On First licence";
        SourceGeonames => "Lieux : GeoNames (https://www.geonames.org/), CC BY 4.0.", "Places: GeoNames (https://www.geonames.org/), CC BY 4.0.";
        SourcesModified => "Les limites et les lieux ont été simplifiés et modifiés pour Passerelle.", "Both simplified and modified for Passerelle.";
        AboutApi => "Réutiliser les données", "Reusing the data";
        AboutApiLink => "Référence de l’API (missions, projets et statistiques publiques)", "API reference (missions, projects and public statistics)";
    }
}

catalog! {
    /// Moderation and error pages.
    Adm {
        Err403 => "Accès refusé", "Access denied";
        Err403Text => "Cette page est réservée à d’autres comptes. Si vous pensez que c’est une erreur, connectez-vous avec le bon compte.", "This page is for other accounts. If you think this is a mistake, sign in with the right account.";
        Err404 => "Page introuvable", "Page not found";
        Err404Text => "Cette page n’existe pas ou n’existe plus. Elle a peut-être été retirée par son auteur.", "This page does not exist or no longer exists. Its author may have removed it.";
        Err422 => "Demande impossible à traiter", "Request could not be processed";
        Err422Text => "Le formulaire a peut-être expiré. Revenez à la page précédente, rechargez-la et réessayez.", "The form may have expired. Go back, reload the page and try again.";
        Err400 => "Demande mal formée", "Malformed request";
        Err400Text => "Cette demande n’a pas la forme attendue. Revenez à la page précédente, rechargez-la et réessayez.", "This request does not have the expected form. Go back, reload the page and try again.";
        ErrCsrf => "Formulaire expiré", "Form expired";
        ErrCsrfText => "Par sécurité, ce formulaire n’est plus accepté (il a expiré ou vient d’un autre site). Revenez à la page, rechargez-la et envoyez-le de nouveau.", "For your security this form is no longer accepted (it expired or came from another site). Go back, reload the page and send it again.";
        ErrUnverified => "Confirmez d’abord votre adresse e-mail", "Confirm your e-mail address first";
        ErrUnverifiedText => "Pour publier, inviter, manifester votre intérêt ou promettre un soutien, suivez le lien que nous vous avons envoyé par e-mail.", "To post, invite, express interest or pledge, follow the link we sent you by e-mail.";
        ErrUnverifiedLink => "Recevoir un nouveau lien depuis Mon compte", "Get a new link from My account";
        Err405 => "Action non disponible ici", "Action not available here";
        Err405Text => "Cette adresse ne peut pas être utilisée de cette façon. Suivez les liens et les boutons des pages.", "This address cannot be used this way. Follow the pages’ links and buttons.";
        Err413 => "Envoi trop volumineux", "Submission too large";
        Err413Text => "Ce que vous avez envoyé dépasse la taille acceptée. Raccourcissez les textes ou les listes et réessayez.", "What you sent is larger than accepted. Shorten the texts or lists and try again.";
        Err429 => "Trop de demandes", "Too many requests";
        Err429Text => "Vous avez fait beaucoup de demandes en peu de temps. Patientez, puis réessayez.", "You made many requests in a short time. Wait, then try again.";
        Err500 => "Une erreur est survenue", "Something went wrong";
        Err500Text => "Un problème de notre côté a empêché d’afficher cette page. Réessayez dans quelques instants.", "A problem on our side stopped this page from loading. Try again in a moment.";
        Err503 => "Service momentanément indisponible", "Service temporarily unavailable";
        Err503Text => "La base de données ne répond pas pour l’instant. Vos données sont en sécurité ; réessayez dans quelques secondes.", "The database is not answering right now. Your data is safe; try again in a few seconds.";
        RequestId => "Référence à communiquer au support :", "Reference to give to support:";
        BackHome => "Retour à l’accueil", "Back to the home page";
        ModerationTitle => "Modération", "Moderation";
        OrgsAwaiting => "Organisations en attente de vérification", "Organisations awaiting verification";
        Verify => "Vérifier", "Verify";
        Reject => "Rejeter", "Reject";
        Reported => "Contenus signalés", "Reported content";
        ReportedBy => "Signalé par", "Reported by";
        Reason => "Motif", "Reason";
        Hide => "Masquer", "Hide";
        Restore => "Rétablir", "Restore";
        Hidden => "Masqué", "Hidden";
        Visible => "Visible", "Visible";
        FailedEmails => "E-mails en échec", "Failed e-mails";
        Recipient => "Destinataire", "Recipient";
        Subject => "Objet", "Subject";
        Attempts => "Tentatives", "Attempts";
        LastError => "Dernière erreur", "Last error";
        Retry => "Réessayer", "Retry";
        AuditLog => "Journal des actions de modération", "Moderation audit log";
        Who => "Qui", "Who";
        What => "Quoi", "What";
        When => "Quand", "When";
        Target => "Sur", "On";
        Actions => "Actions", "Actions";
        Submitted => "Inscrite le", "Registered on";
        Content => "Contenu", "Content";
        ReportThis => "Signaler ce contenu aux modérateurs", "Report this content to moderators";
        SendReport => "Envoyer le signalement", "Send the report";
        AuditVerified => "a vérifié l’organisation", "verified the organisation";
        AuditRejected => "a rejeté l’organisation", "rejected the organisation";
        AuditHid => "a masqué le contenu", "hid the content";
        AuditRestored => "a rétabli le contenu", "restored the content";
        AuditRetried => "a relancé l’e-mail", "retried the e-mail";
    }
}
