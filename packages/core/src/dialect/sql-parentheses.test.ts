import { isWrappedInParentheses, withoutOuterParentheses } from './sql-parentheses.js';

describe('isWrappedInParentheses', () => {
  it.each([
    ['(a + b)', true],
    ['((1))', true],
    ["(')' || x)", true],
    ['("a)" + 1)', true],
    ['([a)] > 0)', true],
    ['(`a)` > 0)', true],
    ['(a) + (b)', false],
    ["(a) || ')'", false],
    ['a + b', false],
    ['(a', false],
    ['', false],
  ])('%s: %s', (text, wrapped) => {
    expect(isWrappedInParentheses(text)).toBe(wrapped);
  });
});

describe('withoutOuterParentheses', () => {
  it.each([
    [' ((0)) ', '0'],
    ['( (getdate()) )', 'getdate()'],
    ["('(x)')", "'(x)'"],
    ['(a) + (b)', '(a) + (b)'],
    ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
  ])('%s -> %s', (text, expected) => {
    expect(withoutOuterParentheses(text)).toBe(expected);
  });
});
