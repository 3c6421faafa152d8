package cn.dataelements.contest.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security takes the form's POST. A failed sign-in says why, without naming accounts. */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error, HttpSession session, Model model) {
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute(
                    "error",
                    failure instanceof LockedException
                            ? "登录失败次数过多，账号已暂时锁定，请稍后再试或联系管理员。"
                            : failure instanceof DisabledException ? "该账号已停用，请联系管理员。" : "用户名或密码错误。");
        }
        return "login";
    }
}
