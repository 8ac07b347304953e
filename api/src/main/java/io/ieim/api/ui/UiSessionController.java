package io.ieim.api.ui;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages shown without a session: after signing out, and when the provider refused the sign-in. */
@Controller
public class UiSessionController {

    @GetMapping(UiSecurityConfig.SIGNED_OUT)
    String signedOut(Model model) {
        model.addAttribute("failed", false);
        return "ui/signed-out";
    }

    @GetMapping(UiSecurityConfig.SIGN_IN_FAILED)
    String signInFailed(Model model) {
        model.addAttribute("failed", true);
        return "ui/signed-out";
    }
}
