// badge-rules/form, typed (lib DOM).
import init from 'badge-rules';
import { bindForm, type FormBinding, type FormResult } from 'badge-rules/form';

await init();
const form = document.querySelector('form');
if (form) {
  const binding: FormBinding = bindForm(form, {
    context: { now: '2026-11-23T12:00:00Z', campaigns: [{ id: 'SANDBOX_TEST_CAMPAIGN', type: 'DISCOUNT' }] },
    lang: 'pl-PL',
    onCheck: (r: FormResult) => { if (!r.valid) console.log(r.report?.violations.map((v) => v.code)); },
  });
  binding.detach();
}
// @ts-expect-error: bindForm takes a form element
bindForm(document.body);
