package cn.dataelements.contest.web;

import cn.dataelements.contest.account.ApiTokens;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的令牌 (every signed-in user): the personal API tokens of the account, made with a label and shown once, and
 * revoked one by one. The new token is written into the answer to the POST itself, never into the session (which the
 * database keeps), so it exists only in that page and in the owner's hands.
 */
@Controller
class TokensPage {

    private final ApiTokens tokens;

    TokensPage(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String tokens(Authentication who, Model model) {
        model.addAttribute("tokens", tokens.of(who.getName()));
        return "tokens";
    }

    @PostMapping("/account/tokens")
    String issue(@RequestParam(defaultValue = "") String label, Authentication who, Model model) {
        try {
            ApiTokens.Issued issued = tokens.issue(who.getName(), label, who.getName());
            model.addAttribute("secret", issued.secret());
            model.addAttribute("message", "已生成令牌“" + issued.token().label() + "”。它只显示这一次，请立即复制保存。");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return tokens(who, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, Authentication who, RedirectAttributes flash) {
        if (tokens.revoke(id, who.getName(), who.getName())) {
            flash.addFlashAttribute("message", "已撤销令牌，使用它的调用从现在起被拒绝。");
        } else {
            flash.addFlashAttribute("error", "没有这个有效的令牌（可能已撤销）。");
        }
        return "redirect:/account/tokens";
    }
}
