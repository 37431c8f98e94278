/**
 * The pages' one stylesheet, inlined under the request's nonce (the CSP allows nothing else).
 * CEC Bank's look: dark blue band, white card. No web fonts: the system stack only, since
 * the pages may load no asset from anywhere.
 */
export const PAGE_CSS = `
:root{color-scheme:light;--blue:#003a70;--blue-dark:#002a52;--ink:#1b2733;--muted:#56677a;
--line:#d8e0e8;--bg:#eef2f7;--err:#a4231b;--err-bg:#fdecea;--info-bg:#e8f1fb}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:var(--bg)}
body{margin:0;padding:2.5rem 0 0;min-height:100vh;background:linear-gradient(var(--blue) 0 10rem,var(--bg) 10rem)}
main{max-width:38rem;margin:0 auto 1.5rem;padding:2rem;background:#fff;border-radius:12px;
box-shadow:0 8px 28px rgba(0,30,60,.18)}
main.wide{max-width:58rem}
.brand{display:block;margin:0 0 1.25rem}
h1{font-size:1.35rem;line-height:1.35;margin:0 0 1rem;color:var(--blue)}
p{line-height:1.5;margin:0 0 1rem}
.muted{color:var(--muted);font-size:.9rem}
.field{display:flex;flex-direction:column;gap:.35rem;margin:0 0 1rem}
label{font-weight:600}
input[type=text],input[type=password],select{font:inherit;width:100%;padding:.6rem .7rem;
border:1px solid #8fa2b6;border-radius:6px;background:#fff;color:inherit}
input[type=checkbox]{width:1.1rem;height:1.1rem;accent-color:var(--blue);margin:0}
:focus-visible{outline:3px solid #4d94dd;outline-offset:2px}
fieldset{border:1px solid var(--line);border-radius:8px;margin:0 0 1rem;padding:.5rem 1rem .75rem}
legend{font-weight:700;color:var(--blue);padding:0 .35rem}
.check{display:flex;flex-wrap:wrap;align-items:center;gap:.2rem .6rem;padding:.35rem 0}
.check .hint{flex-basis:100%;padding-left:1.7rem;color:var(--muted);font-size:.85rem}
.select-all{border-bottom:1px solid var(--line);margin:0 0 .75rem;padding-bottom:.6rem}
.wrap{overflow-wrap:anywhere}
.iban{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.scroll{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{text-align:left;vertical-align:top;padding:.55rem .6rem;border-bottom:1px solid var(--line)}
.details th{width:40%;color:var(--muted);font-weight:600}
thead th{color:var(--blue);border-bottom:2px solid var(--blue)}
caption{text-align:left;font-weight:700;color:var(--blue);padding:.25rem 0 .5rem}
.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0 1rem}
.actions.stretch button{flex:1}
button{font:inherit;font-weight:600;padding:.65rem 1.4rem;border-radius:6px;
border:2px solid var(--blue);cursor:pointer}
.primary{background:var(--blue);color:#fff}
.primary:hover{background:var(--blue-dark)}
.secondary{background:#fff;color:var(--blue)}
.secondary:hover{background:var(--info-bg)}
button:disabled{opacity:.45;cursor:not-allowed}
.alert{border-left:4px solid var(--err);background:var(--err-bg);color:var(--err);
padding:.75rem 1rem;border-radius:6px}
.info{border-left:4px solid var(--blue);background:var(--info-bg);padding:.75rem 1rem;border-radius:6px}
footer{text-align:center;color:var(--muted);font-size:.8rem;margin:0 1rem 2rem}
@media (max-width:32rem){body{padding-top:1rem}main{margin:0 .5rem 1rem;padding:1.25rem}.details th{width:auto}}
`;
