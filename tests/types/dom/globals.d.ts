// What the README's form-kit example takes from its page.
declare const form: HTMLFormElement;
declare const summary: HTMLElement;
