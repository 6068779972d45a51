module "staging" {
  source               = "./transfer"
  upload_s3_arn        = module.uploads.s3_arn
  reports_s3_arn       = module.reports.s3_reports_arn
  efs_arn              = module.scratch.efs_arn
  efs_id               = module.scratch.efs_id
  batch_security_group = module.batch.batch_security_group.arn
}
