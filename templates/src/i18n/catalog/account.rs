//! Strings of the sign-in, sign-up, password and account pages.

catalog! {
    /// Authentication and account strings.
    Auth {
        LoginTitle => "Se connecter", "Sign in";
        LoginButton => "Se connecter", "Sign in";
        ForgotLink => "Mot de passe oublié ?", "Forgot your password?";
        NoAccount => "Pas encore de compte ?", "No account yet?";
        HaveAccount => "Déjà inscrit·e ?", "Already registered?";
        SignupTitle => "Créer un compte", "Create an account";
        SignupLead => "Experts de la diaspora, universités, instituts et associations de ressortissants : inscrivez-vous en deux minutes.", "Diaspora experts, universities, institutes and hometown associations: sign up in two minutes.";
        IAm => "Je suis", "I am";
        RoleExpert => "un·e expert·e de la diaspora", "a diaspora expert";
        RoleInstitution => "membre d’une université ou d’un institut", "a member of a university or institute";
        RoleAssociation => "membre d’une association de ressortissants", "a member of a hometown association";
        UnsubscribeTitle => "Ne plus recevoir d’e-mails de Passerelle", "Stop receiving e-mails from Passerelle";
        UnsubscribeButton => "Me désabonner", "Unsubscribe me";
        PasswordRule => "Au moins 12 caractères.", "At least 12 characters.";
        SignupPrivacy => "Votre adresse e-mail n’est jamais affichée publiquement.", "Your e-mail address is never shown publicly.";
        SignupButton => "Créer mon compte", "Create my account";
        ForgotTitle => "Mot de passe oublié", "Forgotten password";
        ForgotLead => "Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.", "Enter your e-mail address: we will send you a link to choose a new password.";
        ForgotButton => "Envoyer le lien", "Send the link";
        ForgotSent => "Si un compte existe pour cette adresse, un lien vient d’y être envoyé. Il est valable une heure.", "If an account exists for this address, a link has just been sent to it. It is valid for one hour.";
        ResetTitle => "Choisir un nouveau mot de passe", "Choose a new password";
        ResetButton => "Enregistrer le mot de passe", "Save the password";
        AccountTitle => "Mon compte", "My account";
        CurrentEmail => "Adresse actuelle :", "Current address:";
        PendingEmail => "En attente de confirmation : {email}", "Awaiting confirmation: {email}";
        ChangeEmail => "Changer d’adresse e-mail", "Change e-mail address";
        ChangePassword => "Changer de mot de passe", "Change password";
        Notifications => "Notifications par e-mail", "E-mail notifications";
        NotificationsLegend => "Me prévenir des nouvelles propositions", "Tell me about new matches";
        YourData => "Vos données", "Your data";
        DownloadData => "Télécharger mes données (JSON)", "Download my data (JSON)";
        DeleteWarning => "La suppression du compte efface votre profil et vos mises en relation. Elle est définitive.", "Deleting your account erases your profile and your connections. It cannot be undone.";
        DeleteConfirm => "Je comprends que la suppression est définitive", "I understand that deletion is permanent";
        DeleteButton => "Supprimer mon compte", "Delete my account";
        VerifyTitle => "Vérifiez votre boîte de réception", "Check your inbox";
        VerifyText => "Nous avons envoyé un lien de confirmation à {email}. Cliquez dessus pour activer votre compte.", "We sent a confirmation link to {email}. Follow it to activate your account.";
        VerifySpam => "Rien reçu après quelques minutes ? Regardez dans les indésirables, ou renvoyez le lien.", "Nothing after a few minutes? Look in your spam folder, or send the link again.";
        VerifyResend => "Renvoyer le lien", "Send the link again";
    }
}
