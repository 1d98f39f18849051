// Words of the investment team's workbench (project board, problems, new leads), merged into i18n.js's tables.
export const workbenchWords = {
  zh: {
    fitLabel: '契合度', fitHint: '契合度 0–100：模型得分经 100 / (1 + e^(−得分)) 换算，50 为中性；只用于比较，不是概率。',
    problemTitles: { 400: '请求有误', 401: '未登录或密钥无效', 403: '超出权限范围', 404: '未找到', 409: '与现有记录冲突', 413: '请求过大', 429: '请求过于频繁', 500: '服务内部错误', 503: '服务暂不可用', other: '请求失败' },
    fundsInPlaceYi: '到位资金（亿元）', board: '项目看板', daysInStage: n => `本阶段 ${n} 天`, overdueProblems: n => `${n} 个问题超期`,
    history: '阶段记录', problemsTitle: '问题（派单/销号）', noProblems: '暂无问题。',
    problemDispatch: (lead, others, raised, deadline) => `牵头：${lead}${others ? `；责任：${others}` : ''}；${raised} 提出，${deadline} 前办结`,
    problemClosed: d => `已销号（${d}）：`, overdueSince: d => `已超期（期限 ${d}）`,
    closedOn: '销号日期', resolution: '办理结果', closeProblem: '销号', raiseProblem: '登记问题并派单', problemCategory: '类别',
    problemDescription: '问题描述', leadDepartment: '牵头部门', responsibleDepartments: '责任部门', responsibleHint: '多个部门用逗号或顿号分隔',
    raisedOn: '提出日期', deadline: '办结期限', raise: '派单', moveProject: '推进阶段', move: '推进', date: '日期', note: '备注',
    whatMove: '阶段变更', whatCloseProblem: '问题销号', whatRaiseProblem: '问题登记',
  },
  en: {
    fitLabel: 'Fit', fitHint: 'Fit 0–100: the model score mapped by 100 / (1 + e^(−score)); 50 is neutral. For comparing firms, not a probability.',
    problemTitles: {},
    fundsInPlaceYi: 'Funds in place (100M yuan)', board: 'Project board', daysInStage: n => `${n} days in stage`, overdueProblems: n => `${n} overdue problem${n === 1 ? '' : 's'}`,
    history: 'History', problemsTitle: 'Problems', noProblems: 'No problem raised.',
    problemDispatch: (lead, others, raised, deadline) => `Lead: ${lead}${others ? `; responsible: ${others}` : ''}; raised ${raised}, due ${deadline}`,
    problemClosed: d => `Closed on ${d}:`, overdueSince: d => `Overdue (due ${d})`,
    closedOn: 'Closed on', resolution: 'Resolution', closeProblem: 'Close', raiseProblem: 'Raise and dispatch a problem', problemCategory: 'Category',
    problemDescription: 'Description', leadDepartment: 'Lead department', responsibleDepartments: 'Responsible departments', responsibleHint: 'Separate departments with commas',
    raisedOn: 'Raised on', deadline: 'Deadline', raise: 'Dispatch', moveProject: 'Move to the next stage', move: 'Move', date: 'Date', note: 'Note',
    whatMove: 'stage change', whatCloseProblem: 'problem closing', whatRaiseProblem: 'new problem',
  },
};
